"""Word banks for captions, plan rows and listening mentions of the sample (written for this project).

Captions are built as opener + body + call to action; ``{menu}``, ``{day}``, ``{brand}``
and ``{pct}`` are slots. Themes follow the sample business's content plan.
"""

# theme -> (content_type, formats by platform weight, bodies)
THEMES = {
    "menu baru": ("promo", [
        "Kenalan sama menu baru kita: {menu}! Manisnya pas, seger sampai tegukan terakhir",
        "{menu} sudah bisa dipesan mulai {day}. Siapa yang mau jadi orang pertama nyobain?",
        "Menu baru alert! {menu} hadir buat nemenin sore kamu",
        "Dari dapur uji coba ke meja kamu: {menu}, limited setiap hari",
    ]),
    "promo": ("promo", [
        "Promo {day}: beli 2 {menu} cuma bayar 1. Ajak bestie kamu ya!",
        "Diskon {pct}% buat pelajar dan mahasiswa, tunjukin kartunya ke kasir",
        "Happy hour jam 14.00-16.00: semua kopi susu potong {pct}%",
        "Paket nugas hemat: {menu} + croffle cuma 35rb sampai akhir bulan",
        "Gratis ongkir lewat ShopeeFood khusus {day} ini",
    ]),
    "di balik bar": ("education", [
        "Pernah penasaran kenapa {menu} kita rasanya beda? Ini rahasianya di balik bar",
        "Sehari bareng barista kita: dari roasting pagi sampai closing malam",
        "Biji kopi kita datang langsung dari petani Gayo dan Kintamani. Ini perjalanannya",
        "Kenapa espresso harus diekstrak 25-30 detik? Barista kita jelasin singkat",
    ]),
    "tips seduh": ("education", [
        "3 kesalahan yang bikin kopi seduhan di rumah jadi pahit (nomor 2 sering banget)",
        "Cara bikin cold brew sendiri pakai toples: cuma butuh 12 jam dan sabar",
        "Rasio kopi dan air buat V60: mulai dari 1:15 dulu, baru eksperimen",
        "Beda arabika dan robusta dalam 30 detik",
        "Simpan biji kopi yang benar biar wanginya awet",
    ]),
    "suasana": ("inspiration", [
        "Sore yang pelan, kopi yang hangat, meja dekat jendela. Ada yang kangen?",
        "Spot favorit buat nugas: lantai 2, colokan di tiap meja, wifi kencang",
        "Hujan-hujan gini enaknya ngapain? Kita tunggu di sini",
        "Senja di Kopi Senja memang beda. Mampir sebelum matahari turun ya",
    ]),
    "cerita pelanggan": ("engagement", [
        "Repost dari kakak yang nugas seharian di sini. Makasih sudah betah!",
        "Cerita kalian: yang dulu ketemu di sini sekarang sudah jadi rekan kerja",
        "Testimoni minggu ini: katanya {menu} kita bikin nagih. Setuju?",
    ]),
    "kuis": ("engagement", [
        "Tim kopi susu atau tim americano? Jawab di kolom komentar!",
        "Giveaway! Tag 3 teman kamu dan menangkan voucher 100rb. Pemenang diumumkan {day}",
        "Tebak menu dari fotonya, 5 jawaban benar pertama dapat {menu} gratis",
        "Kalau Kopi Senja bikin menu baru, kamu mau rasa apa?",
    ]),
    "humor": ("entertainment", [
        "POV: kamu bilang cuma mampir sebentar, ternyata closing",
        "Tipe-tipe pengunjung coffee shop, kamu yang mana?",
        "Barista kita kalau ditanya 'yang enak apa kak?' untuk ke-100 kalinya hari ini",
        "Skripsi: belum. Kopi: sudah tiga gelas",
    ]),
    "event": ("news", [
        "Live acoustic setiap Jumat malam mulai jam 19.30. Ada request lagu?",
        "Workshop latte art {day}, kuota 12 orang, daftar lewat link di bio",
        "Nonton bareng di Kopi Senja {day}! Datang lebih awal biar dapat tempat",
        "Open mic puisi bareng komunitas kampus, gratis untuk umum",
    ]),
    "info": ("news", [
        "Info jam buka selama libur lebaran: tutup 2 hari, buka lagi {day}",
        "Mulai {day} kita buka lebih pagi, jam 07.00 buat yang butuh kopi sebelum kuliah",
        "Sekarang kamu bisa pesan Kopi Senja lewat GoFood, GrabFood dan ShopeeFood",
        "Pengumuman: mulai {day} ada penyesuaian harga beberapa menu. Terima kasih sudah terus mendukung",
    ]),
}

CAPTION_OPENERS = ["", "", "Halo teman senja! ", "Kak, ", "☕ ", "✨ ", "Psst, ", "Yuk! "]
CAPTION_CTA = ["", " Yuk mampir!", " Tulis pendapat kamu di komentar ya", " Save dulu biar gak lupa",
               " Share ke temen nongkrong kamu", " Sampai ketemu di Jl. Kaliurang!", " Cek link di bio ya"]

HASHTAGS_BASE = ["#kopisenja", "#kopijogja", "#ngopidijogja", "#coffeeshopjogja"]
HASHTAGS_THEME = {
    "menu baru": ["#menubaru", "#kopisusu", "#jogjakuliner"],
    "promo": ["#promojogja", "#promokopi", "#diskonmahasiswa"],
    "di balik bar": ["#baristalife", "#behindthebar", "#kopinusantara"],
    "tips seduh": ["#manualbrew", "#v60", "#tipskopi"],
    "suasana": ["#tempatnugasjogja", "#cafejogja", "#senja"],
    "cerita pelanggan": ["#ceritapelanggan", "#temansenja"],
    "kuis": ["#giveawayjogja", "#kuis", "#temansenja"],
    "humor": ["#povbarista", "#anaknongkrong", "#humorkopi"],
    "event": ["#acousticnight", "#eventjogja", "#latteart"],
    "info": ["#infojogja", "#kopisenja"],
}
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu", "besok", "akhir pekan ini", "tanggal 25"]
PLAN_SOURCES = ["ide tim", "foto barista", "UGC pelanggan", "kalender promo", "tren TikTok", "riset kompetitor",
                "https://kopisenja.example/blog", "masukan pelanggan", "kalender event kampus"]

COMPETITOR_BODIES = [
    "Pagi-pagi paling pas ditemani {menu}", "Promo {pct}% buat semua menu kopi susu sampai Minggu",
    "Space baru buat nugas sudah buka, kapasitas 40 orang", "Roasting hari ini: single origin dari Toraja",
    "Live music malam ini, yuk merapat", "Menu baru: {menu} edisi musim hujan",
    "Kenalan sama head barista kita", "Giveaway voucher 50rb, tag 2 teman kamu",
]

# Listening mentions: {brand} is the brand mentioned, {other} another brand.
MENTION_POS = [
    "baru nyobain {brand}, {menu} nya enak bgt",
    "rekomendasi tempat nugas di jogja: {brand}. wifi kenceng, colokan banyak",
    "{brand} makin rame aja, pantes kopinya emang juara",
    "ngopi sore di {brand}, healing murah meriah",
    "fix {brand} jadi basecamp baru anak kelas",
    "pelayanan {brand} ramah bgt, baristanya inget pesenan aku",
    "{brand} lagi promo, mayan buat anak kos",
]
MENTION_NEU = [
    "{brand} vs {other} enakan mana guys?",
    "ada yg tau {brand} buka sampe jam brp?",
    "otw {brand} sama anak2",
    "{brand} yg di jakal itu bukan sih?",
    "lagi di {brand}, ada yg mau nitip?",
    "nyobain {menu} di {brand} hari ini",
]
MENTION_NEG = [
    "kecewa sama {brand}, pesanan lama bgt dan kopinya dingin",
    "{brand} sekarang mahal, porsinya makin dikit",
    "pelayanan {brand} td jutek bgt, males balik lagi",
    "order {brand} di gofood salah terus, capek",
    "{brand} wifi nya lemot, gk bisa kerja",
    "harga {brand} naik lagi? kemahalan sih",
]
MENTION_EN = [
    "{brand} has the best iced latte in jogja",
    "working from {brand} today, great wifi",
    "not impressed with {brand}, too crowded and slow",
]
X_CHATTER = [
    "setuju bgt", "iya kan? aku jg ngerasa gitu", "wkwk relate", "kapan2 bareng yuk", "eh serius?",
    "td aku jg kesana", "ini nih yg aku cari", "gas lah", "bener bgt sih", "noted, makasih infonya",
    "jd pengen", "aku lebih suka yg satunya", "spill menu favoritmu dong", "mantap infonya",
]
