"""Word banks for comments and brand replies of the sample (written for this project).

Each core template may hold one slot: ``{menu}``, ``{area}``, ``{n}``, ``{jam}``,
``{brand}``, ``{link}``. Question and complaint templates carry a topic so the
brand can answer to the point and the codebook has something to find.
"""

MENU = [
    "es kopi susu gula aren", "kopi susu senja", "v60 gayo", "v60 kintamani", "americano",
    "cold brew", "matcha latte", "red velvet", "caramel macchiato", "kopi tubruk", "croffle",
    "roti bakar", "pisang goreng", "mie nyemek", "cappuccino", "affogato", "es teh leci",
    "coklat panas", "kopi klotok", "vietnam drip", "butterscotch latte", "dimsum",
]

AREA = [
    "sleman", "bantul", "seturan", "jakal", "condongcatur", "gejayan", "maguwo", "babarsari",
    "kotabaru", "prawirotaman", "godean", "demangan", "jalan kaliurang km 7", "ugm", "uny",
    "tugu", "malioboro", "kasihan", "depok sleman", "umbulharjo",
]

# (topic, template). Topics: jam, delivery, wifi, menu, harga, lokasi, reservasi, bayar, promo, fasilitas
QUESTIONS = [
    ("jam", "kak buka jam brp?"),
    ("jam", "kak buka jam berapa ya kalo hari minggu?"),
    ("jam", "tutupnya jam brp min?"),
    ("jam", "buka sampe jam brp kak kalo weekend?"),
    ("jam", "pas tanggal merah tetep buka gk kak?"),
    ("jam", "besok buka kan min?"),
    ("jam", "lebaran libur brp hari kak?"),
    ("delivery", "bisa delivery ke {area} gk?"),
    ("delivery", "kak bisa kirim ke {area} gk ya?"),
    ("delivery", "ada di gofood gk kak?"),
    ("delivery", "di shopeefood ada gk min? biar dpt gratis ongkir"),
    ("delivery", "ongkir ke {area} brp kak?"),
    ("delivery", "bisa pesen {n} cup buat acara kantor gk kak? dianter ya"),
    ("wifi", "min ada wifi nya gk? mau nugas"),
    ("wifi", "wifi nya kenceng gk kak buat zoom?"),
    ("wifi", "ada colokan gk min di tiap meja?"),
    ("wifi", "boleh nugas lama2 gk kak? 😅"),
    ("wifi", "kalo bawa laptop sampe malem boleh kan?"),
    ("menu", "kak menu yg paling best seller apa?"),
    ("menu", "{menu} nya manis gk kak?"),
    ("menu", "ada menu non kopi gk? temenku gk bisa minum kopi"),
    ("menu", "{menu} masih ada gk kak?"),
    ("menu", "ada yg less sugar gk min?"),
    ("menu", "ini {menu} ya kak?"),
    ("menu", "ada menu makanan berat gk kak?"),
    ("menu", "biji kopinya dari mana kak?"),
    ("menu", "kak jual biji kopinya juga gk? pengen seduh di rumah"),
    ("harga", "harga {menu} brp kak?"),
    ("harga", "pricelist nya dong kak"),
    ("harga", "kisaran harganya brp ya min?"),
    ("harga", "berapa harganya kak?"),
    ("lokasi", "lokasi nya sebelah mana ya kak?"),
    ("lokasi", "deket {area} gk kak?"),
    ("lokasi", "share loc dong kak"),
    ("lokasi", "ini yg di {area} apa yg cabang baru?"),
    ("lokasi", "parkirannya luas gk kak? bawa mobil soalnya"),
    ("reservasi", "bisa reservasi buat {n} orang gk kak?"),
    ("reservasi", "bisa buat bukber gk kak? kira2 {n} orang"),
    ("reservasi", "bisa sewa tempat buat ultah gk min?"),
    ("reservasi", "kalo mau booking caranya gmn kak?"),
    ("bayar", "bisa bayar pake qris kan?"),
    ("bayar", "bisa debit gk kak?"),
    ("bayar", "cash only ya kak?"),
    ("promo", "promo nya berlaku sampe kapan kak?"),
    ("promo", "ini promonya bisa buat gofood juga gk?"),
    ("promo", "syarat ikut giveaway nya apa aja kak?"),
    ("promo", "pemenang giveaway kapan diumumin min?"),
    ("promo", "diskon pelajar masih ada gk kak?"),
    ("fasilitas", "ada mushola gk kak?"),
    ("fasilitas", "smoking area nya outdoor ya kak?"),
    ("fasilitas", "boleh bawa kucing gk min? 🐱"),
    ("fasilitas", "ada live music tiap malem apa cuma weekend?"),
    ("fasilitas", "ada ruang meeting gk kak?"),
    ("fasilitas", "lantai 2 ada ac nya gk?"),
    ('jam', 'kak weekend open sampe jam brp? mau wfc'),
    ('menu', 'ada oat milk gk kak? lactose intolerant soalnya'),
    ('reservasi', 'kak bisa book meja buat meeting {n} orang?'),
]

QUESTIONS_EN = [
    ("jam", "is it open on sunday?"),
    ("jam", "what time do you close?"),
    ("menu", "do you have oat milk?"),
    ("wifi", "is there wifi? need to work for a few hours"),
    ("lokasi", "how far is it from malioboro?"),
]

# Topics: lama, dingin, staf, salah, harga, wifi, kebersihan, rasa, parkir, respon
COMPLAINTS = [
    ("lama", "kak pesanan saya udh 1 jam blm dateng 😤"),
    ("lama", "order lewat gofood lama bgt, drivernya nunggu 40 menit katanya"),
    ("lama", "antri lama bgt, {n} menit cuma buat 1 gelas"),
    ("lama", "pesen jam 7 baru jadi jam 8, parah sih"),
    ("lama", "nunggu croffle aja sampe ketiduran wkwk, lama bgt"),
    ("dingin", "kopinya dingin pas nyampe, kecewa bgt"),
    ("dingin", "pesen {menu} panas dateng2 udh anyep"),
    ("dingin", "kok kopi panasnya kayak air suam2 kuku ya"),
    ("staf", "mas kasirnya jutek bgt td sore, gk ada senyumnya sama sekali"),
    ("staf", "baristanya sibuk main hp pas aku mau order"),
    ("staf", "pelayanannya kurang ramah, ditanya malah ketus"),
    ("staf", "masa aku diusir pas lg nugas, padahal udh pesen 2 kali"),
    ("salah", "pesen {menu} yg dateng malah americano, gmn sih"),
    ("salah", "pesanan ketuker sama meja sebelah 🙄"),
    ("salah", "udh bilang less ice tp tetep full es"),
    ("salah", "order 3 yg dateng cuma 2, sisanya kemana?"),
    ("harga", "harganya naik terus tp porsinya makin dikit"),
    ("harga", "{menu} sekarang 35rb?? mahal bgt buat ukuran jogja"),
    ("harga", "kemahalan sih buat mahasiswa"),
    ("harga", "kok harga di aplikasi beda sama di kasir?"),
    ("wifi", "wifi nya lemot parah gk bisa buat zoom"),
    ("wifi", "colokannya banyak yg mati kak"),
    ("kebersihan", "gelasnya kotor kak, ada bekasnya 🤢"),
    ("kebersihan", "ada rambut di croffle nya 😭"),
    ("kebersihan", "toiletnya bau, tolong dibersihin"),
    ("kebersihan", "mejanya lengket blm dilap dari tadi"),
    ("rasa", "rasanya beda sama dulu, kemanisan"),
    ("rasa", "{menu} nya hambar, kayak kurang shot"),
    ("rasa", "es nya kebanyakan, kopinya cuma dikit"),
    ("rasa", "kopinya asem bgt, kayak udh lama"),
    ("parkir", "parkir susah bgt, tukang parkir minta 5rb"),
    ("parkir", "motorku kehujanan, parkirannya gk ada atap"),
    ("respon", "dm ga dibales2 kak, udh dari kemarin"),
    ("respon", "nelpon gk diangkat, wa juga gk dibales"),
    ("respon", "orderan gofood di cancel sepihak, duit blm balik"),
    ('lama', 'service nya slow bgt hari ini, understaffed ya?'),
    ('salah', 'so disappointed, order aku ketuker lagi'),
    ('harga', 'pricey bgt skrg, ga worth it sama porsinya'),
    ('respon', 'admin slow respon, chat dari pagi blm di read'),
]

COMPLAINTS_EN = [
    ("dingin", "ordered a hot latte but it came lukewarm, disappointed"),
    ("lama", "waited 45 mins for two drinks, not ok"),
    ("salah", "got the wrong order, asked for oat milk"),
]

PRAISE = [
    "enak bgt kopinya, fix langganan",
    "tempatnya cozy parah, betah nugas sampe sore",
    "{menu} nya juara 👍",
    "baristanya ramah2, mantap",
    "worth it bgt sama harganya",
    "the best {menu} di jogja sih ini",
    "suasananya adem, cocok buat healing",
    "kemarin kesini sama temen2, recommended pokoknya",
    "croffle nya crunchy, pas bgt sama americano",
    "udh {kali} kesini gk pernah kecewa",
    "ini tempat ngopi favorit aku di {area}",
    "musiknya enak, gk berisik, pas buat ngobrol",
    "pelayanannya cepet, kopinya enak, tempatnya bersih",
    "{menu} nya nagih parah",
    "wifi nya kenceng, colokan banyak, surga anak nugas",
    "kopinya strong tp gk pait, pas",
    "aesthetic bgt, foto dimana2 bagus",
    "ramah di kantong mahasiswa, makasih kopi senja",
    "akhirnya nemu kopi susu yg gk kemanisan",
    "mas barista nya sabar bgt jelasin beda2 biji kopinya",
    "sering lewat akhirnya mampir juga, gk nyesel",
    "semoga makin rame ya kak, sukses terus",
    "latte art nya lucu bgt 😍",
    "ngopi sore disini sambil liat sunset, healing tipis2",
    "harga bersahabat rasa bintang lima",
    'vibes nya dapet bgt, cocok buat me time',
    'literally tempat nugas terbaik di {area}',
    'overall oke sih, recommended buat yg suka kopi susu',
    'coffee nya on point, harganya jg masuk',
    'so cozy, jadi pengen balik lagi',
    '{menu} nya legit sih, no debat',
    'baristanya friendly, service nya cepet',
]

PRAISE_EN = [
    "great coffee and cozy vibes, will come back!",
    "best cold brew in town honestly",
    "love this place, super chill",
    "the vibes is so good, literally my fav spot to wfc",
]

NEUTRAL = [
    "wah baru tau ada tempat ini",
    "jadi pengen ngopi",
    "lucu bgt videonya 🤣",
    "aku tim {menu}",
    "nyimak",
    "first",
    "kapan2 mampir ah",
    "lagunya apa ya ini",
    "spill outfit mas baristanya dong wkwk",
    "pengen kesini tp jauh",
    "weekend ini kesini ah",
    "kangen jogja jadinya",
    "ini yg deket {area} kan",
    "baru pulang dari sini td",
    "mau cobain {menu}",
    'save dulu buat weekend',
    'noted kak, next time kesini',
    'fyi parkirnya di samping ya guys',
]

TAG_CLOSERS = ["", "", "", " wkwk", " hehe", " 😍", " 🤣", " ☕", " 😋", " yuk"]
GIVEAWAY_CLOSERS = ["", "", " 🙏", " 🤲", " 😍", " 🥰"]

GIVEAWAY = [
    "ikutan kak", "hadir 🙋", "semoga menang 🤲", "udh follow, like, share kak", "ikut ya min",
    "bismillah menang", "done kak", "mau bgt voucher nya", "ikutan, semoga rejeki",
]

TAG = [
    "ayo kesini", "kapan kita nongki disini", "ini yg kemaren aku ceritain", "traktir aku dong",
    "ayo nugas disini besok", "wajib cobain", "kita kesini abis kelas ya", "liat nih", "otw gk?",
    "inget gk kita pernah kesini",
]

SUGGEST = [
    "kak bikin menu yg less sugar dong",
    "tambahin colokan dong di lantai 2",
    "semoga buka cabang di {area} 🙏",
    "kapan2 adain workshop latte art lagi kak",
    "kak tolong tambah kursi outdoor",
    "bikin paket hemat buat mahasiswa dong",
    "tolong kasih sedotan kertas aja kak, kurangi plastik",
]

INSULTS = [
    "kopi sachet aja masih lebih enak wkwk",
    "overrated bgt, gatau kenapa rame",
    "admin nya goblok ya, ditanya gk jawab",
    "mahal doang, rasanya sampah",
    "bego bgt pelayanannya",
    "norak, tempat gini doang dibilang aesthetic",
    "kopi kok kayak air comberan",
    "dasar penipu, gambar sama aslinya beda jauh",
    "tolol, pesenan salah terus",
    "buzzer nya rajin amat",
]

SPAM = [
    "cek bio kak ada promo menarik 🔥",
    "open reseller skincare original, minat dm",
    "jasa followers murah dan aman, cek ig kami",
    "mau penghasilan jutaan per hari? klik link di bio",
    "promo gratis ongkir cuma hari ini {link}",
    "slot gacor hari ini maxwin, link di bio",
    "yuk join grup investasi, profit tiap hari, wa 0812xxxx",
    "open endorse kak, rate card di bio",
    "pinjaman cepat cair tanpa jaminan {link}",
    "cek bio ya kak, ada lowongan kerja dari rumah",
    "open reseller hijab, harga grosir 🙏",
    "follback kak 🙏",
    "{link} klik sekarang dapat saldo gratis",
]

EMOJI_ONLY = ["😍😍😍", "🔥🔥", "👍", "☕☕", "😋", "🤤🤤", "❤️", "👏👏👏", "😂", "🥰"]

OPENERS = ["", "", "", "", "wah ", "duh ", "asli ", "sumpah ", "btw ", "kak ", "min ", "anjir ", "eh ",
           "wkwk ", "gils ", "aduh ", "hmm ", "fix "]
CLOSERS = ["", "", "", "", "", " hehe", " wkwk", " sih", " dong", " deh", " kak", " min", " 🙏", " 😍",
           " 🤣", " 😭", " 🔥", " 👍", " ✨", " 😋", " ☕", " 🥲", " loh", " bgt", " ya"]
CLOSERS_NEG = ["", "", "", " 😤", " 😡", " 🙄", " 😞", " 😭", " tolong diperbaiki", " kecewa", " huft",
               " plis", " ya min", " kak"]

CLOSERS_Q = ["", "", "", "", " 🙏", " hehe", " 😊", " 😅", " 🤔", " 🙏🙏"]
CLOSERS_INSULT = ["", "", " 😡", " 🙄", " huft", " wkwk", " 🤮", " 👎"]
# Words that get a stretched vowel now and then (mantaaap, enaaak, lamaaa).
ELONGATE = {"enak", "mantap", "bgt", "banget", "parah", "lama", "mahal", "kecewa", "keren", "lucu", "best", "cozy",
            "pengen", "sumpah", "kangen", "seru", "juara", "nagih", "suka", "gila", "jutek", "panas", "adem", "mau"}

# Slang pairs applied to part of the pool (standard -> colloquial variants).
SLANG = [
    (" tidak ", [" gk ", " ga ", " gak ", " nggak "]),
    (" banget", [" bgt", " bngt", " bangett"]),
    (" yang ", [" yg ", " yang "]),
    (" tapi ", [" tp ", " tapi "]),
    (" sudah ", [" udh ", " udah ", " dah "]),
    (" belum ", [" blm ", " belom "]),
    (" gimana", [" gmn", " gimana"]),
    (" berapa", [" brp", " berapa"]),
    (" aku ", [" aq ", " aku ", " gue "]),
    (" kamu ", [" km ", " kamu "]),
    (" enak", [" enaaak", " enakk", " enak"]),
    (" mantap", [" mantaaap", " mantul", " mantapp"]),
    (" parah", [" parahh", " parah"]),
    (" lama ", [" lamaaa ", " lama "]),
    (" juga", [" jg", " juga"]),
]

# Brand replies: (topic -> texts); "{x}" is left for nothing, all replies address "kak".
REPLY_QUESTION = {
    "jam": ["Halo kak! Kami buka setiap hari jam 08.00-23.00 ya 😊", "Buka kak, jam 08.00-23.00, weekend sampai 24.00 ☕",
            "Hai kak, tanggal merah tetap buka kok, jam seperti biasa ya 🙌"],
    "delivery": ["Bisa kak, kami ada di GoFood, GrabFood dan ShopeeFood ya 🛵", "Bisa banget kak, order lewat aplikasi atau WA di bio ya",
                 "Halo kak, pengiriman lewat ojek online ya, ongkir mengikuti aplikasi 🙏"],
    "wifi": ["Ada kak, wifi kencang dan colokan di hampir tiap meja 🙌", "Boleh banget kak, santai aja nugasnya 😄",
             "Ada kak, lantai 2 khusus area nugas ya ✨"],
    "menu": ["Best seller kami es kopi susu gula aren kak 😍", "Ada kak, bisa request less sugar ke barista ya",
             "Ada kak, coba matcha latte atau coklat panas kami 🍫", "Biji kopinya dari petani Gayo dan Kintamani kak ☕"],
    "harga": ["Kisaran 18-35rb kak, pricelist lengkap di highlight ya 😊", "Halo kak, cek highlight 'Menu' ya, lengkap sama harganya 🙏"],
    "lokasi": ["Kami di Jl. Kaliurang km 5 kak, share loc via DM ya 📍", "Halo kak, lokasi lengkap di bio ya, parkir motor luas 🙌"],
    "reservasi": ["Bisa kak, reservasi via WA di bio ya, minimal H-1 🙏", "Bisa banget kak, DM kami jumlah orang dan jamnya ya 😊"],
    "bayar": ["Bisa kak, QRIS, debit dan cash semua bisa ✅", "Bisa kak, semua metode pembayaran kami terima 🙌"],
    "promo": ["Promo berlaku sampai akhir bulan ini kak 🔥", "Syaratnya ada di caption ya kak, ditunggu partisipasinya 🤩",
              "Pemenang diumumkan hari Senin di story kak 🎉"],
    "fasilitas": ["Ada kak, mushola di lantai 1 ya 🙏", "Live music tiap Jumat dan Sabtu malam kak 🎶",
                  "Ada kak, bisa dipakai buat meeting, reservasi via WA ya"],
}
REPLY_COMPLAINT = [
    "Mohon maaf banget kak atas ketidaknyamanannya 🙏 boleh DM detail pesanannya?",
    "Maaf ya kak, masukannya langsung kami sampaikan ke tim 🙏",
    "Duh maaf kak, boleh info tanggal dan jam kunjungannya lewat DM? kami cek ya",
    "Terima kasih masukannya kak, kami perbaiki segera. Next visit kami traktir ya 🙏",
    "Maaf kak, ini jadi evaluasi buat kami. Cek DM ya kak",
]
REPLY_PRAISE = [
    "Makasih banyak kak 🥰 ditunggu kedatangannya lagi ya",
    "Aaa terima kasih kak 😍", "Siap kak, sampai ketemu lagi ☕", "Makasih kak, sehat selalu ya 🙏",
    "Terima kasih sudah mampir kak 🙌", "Wah senang dengarnya kak 😊",
]
REPLY_INSULT = [
    "Mohon maaf kalau kurang berkenan kak, masukannya kami catat 🙏",
    "Maaf kak kalau pengalamannya kurang menyenangkan, boleh cerita lewat DM? 🙏",
]
REPLY_OTHER = ["Ditunggu ya kak 😊", "Hehe siap kak ☕", "Yuk kak mampir 🙌", "Makasih kak 🙏", "Good luck kak! 🤞"]
