"""The sample's README: data dictionary of the canonical tables, the files, the story."""

from __future__ import annotations

import pandas as pd

from .. import schema

__all__ = ["data_dictionary_markdown", "readme"]

_DTYPES = {"str": "text", "float": "float64", "bool": "bool", "flag": "boolean (True/False/missing)", "datetime": "datetime64[ns, UTC]",
           "date": "datetime64[ns] (naive day)"}


def data_dictionary_markdown(tables=None) -> str:
    """Markdown tables of the canonical columns, generated from :data:`smanalysis.schema.TABLES`.

    Parameters
    ----------
    tables : list of str, optional
        Which tables (default all, in schema order).

    Returns
    -------
    str
        One ``###`` section a table, one row a column: name, dtype, required, unit, meaning.

    Examples
    --------
    >>> md = data_dictionary_markdown(["followers"])
    >>> md.splitlines()[0]
    '### `followers`'
    >>> "| `date` | datetime64[ns] (naive day) | yes |" in md
    True
    """
    names = list(schema.TABLES) if tables is None else list(tables)
    parts = []
    for name in names:
        cols = schema.TABLES[name]
        lines = [f"### `{name}`", "", "| column | dtype | required | unit / values | meaning |",
                 "| --- | --- | --- | --- | --- |"]
        for c in cols:
            unit = c.unit.replace("|", "\\|")
            lines.append(f"| `{c.name}` | {_DTYPES[c.dtype]} | {'yes' if c.required else 'no'} | {unit} | "
                         f"{c.description} |")
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


FILES = [
    ("exports/instagram_posts_2025-11_2026-04.csv", "posts",
     "Meta Business Suite post export of @kopisenja.id, Nov 2025 - Apr 2026: UTF-8 with BOM, all fields quoted, "
     "**Bahasa Indonesia headers**, day-first dates, `Impressions` (the pre-2025 variant), `Date` = lifetime. "
     "Some captions use math-bold letters (NFKC-normalised on reading). `Publish time` is Pacific time "
     "(America/Los_Angeles), as Meta writes it for every page whatever its zone (checked on real exports against "
     "Instagram's post ids); read so unless `source_timezone=` says otherwise."),
    ("exports/instagram_posts_2026-05_2026-10.csv", "posts",
     "The same export for May - Oct 2026 with English headers and `Views`. The last April post is in both "
     "exports (lifetime totals larger in the later one): the duplicate rule keeps one row."),
    ("exports/facebook_posts.csv", "posts", "Meta Business Suite post export of the Facebook page `kopisenja`."),
    ("exports/facebook_followers.csv", "followers",
     "Meta page-level daily series: UTF-16 LE, `sep=,` line, metric line `\"Facebook followers\"`, "
     "then `\"Date\",\"Primary\"`. The file names no account (pass a profile or `account=`)."),
    ("exports/instagram_followers.csv", "followers", "The same layout for `\"Instagram followers\"`."),
    ("exports/x_tweet_activity_2025-11_2026-04.csv", "posts",
     "X analytics tweet activity of @kopisenja_id, 22-column variant (`time` like `2026-01-05 12:03:00 +0000`)."),
    ("exports/x_tweet_activity_2026-05_2026-10.csv", "posts", "The 40-column variant (promoted columns as `-`)."),
    ("exports/tiktok_content.xlsx", "posts",
     "TikTok Studio content download (XLSX): yearless `Post time` like `March 14`, export day in `Time`."),
    ("exports/tiktok_followers_2026-10-31.csv", "followers", "TikTok Studio follower history, yearless dates (the year comes from the download day in the file name)."),
    ("exports/x_mentions.jsonl", "mentions + interactions",
     "X API v2 search results as twarc2 writes them (one response page a line, `includes.users` with follower "
     "counts). Replies, quotes, retweets and @mentions become interactions: the planted network."),
    ("exports/comments_instagram.csv", "comments",
     "Comment-export tool CSV (Platform, Post ID, Comment ID, Parent ID, Username, Date with offset, Comment, "
     "Is Reply, Is Page Owner...). Brand replies are the rows with `Is Page Owner = Yes`."),
    ("exports/comments_facebook.csv", "comments", "The same for the Facebook page."),
    ("exports/comments_tiktok.csv", "comments", "The same for TikTok."),
    ("exports/comments_x.csv", "comments", "The same for replies to the brand's own tweets."),
    ("exports/listening_mentions.csv", "mentions",
     "Listening-tool export (Brand24-like): one project a brand (Kopi Senja, Kopi Pagi, Ruang Seduh), author "
     "followers, reach, the tool's sentiment label (noisy, as such labels are). Instagram, TikTok and Facebook."),
    ("exports/competitor_posts.csv", "posts",
     "Instagram posts of @kopipagi.jogja and @ruangseduh as an Apify Instagram scraper dataset (no reach: it is "
     "not public)."),
    ("exports/meta_reach_daily.csv", "account_daily",
     "Meta Business Suite daily series of one metric with TWO platform sections (`\"Facebook reach\"`, then "
     "`\"Instagram reach\"`), UTF-16 LE, `sep=<tab>` and tab-separated `\"Date\"<tab>\"Primary\"`. Each "
     "section keeps its platform; the metric (reach) goes to `account_daily`. A `\"... followers\"` series is "
     "a follower count and goes to `followers`; `\"... follows\"` (gained a day), views, visits, link clicks, "
     "interactions go to `account_daily` (metric names in `smanalysis.schema.DAILY_METRICS`). Excel re-saves "
     "with `;` and day-first dates are read too."),
    ("exports/daily_tweet_activity_metrics_kopisenja_id_20261001_20261101_en.csv", "account_daily",
     "X analytics 'by day' export (account level): Date, Tweets published, impressions, engagements, retweets, "
     "replies, likes, user profile clicks, url clicks, ..., follows, media views, then `promoted ...` columns. "
     "Maps to metrics posts_published, impressions, engagements, shares, comments, likes, profile_views, "
     "link_clicks, followers_gained (`follows`), views; the account comes from the file name."),
    ("exports/Overview_2026-10-31.csv", "account_daily",
     "TikTok Studio Overview download, 2025 variant: `\"Date\",\"Video Views\",\"Profile Views\",\"Likes\","
     "\"Comments\",\"Shares\",\"New followers\"`, yearless days `\"1 November\"` (older files: "
     "`\"November 1\"`, no New followers). The year comes from the export day in the file name. Metrics views, "
     "profile_views, likes, comments, shares, followers_gained."),
    ("exports/Viewers_2026-10-31.csv", "account_daily",
     "TikTok Studio viewers download (best guess of the layout): Date, Total Viewers, New Viewers, Returning "
     "Viewers -> viewers, new_viewers, returning_viewers."),
    ("exports/FollowerActivity_2026-10-31.csv", "follower_activity",
     "TikTok Studio followers download (`Followers_<handle>.zip` also holds FollowerHistory, FollowerGender, "
     "FollowerTopTerritories): `\"Date\",\"Hour\",\"Active followers\"`, one row an hour for the last 7 days "
     "(168 rows), yearless days `\"30 October\"`, hours 0-23 on TikTok's UTC clock -> follower_activity (hour "
     "as UTC timestamp, active_followers). The sample's file holds the 7 full days before the export day; a "
     "file that ends on the export day has 0 for the hours not reached yet: read as rejects with that reason, "
     "not as 'nobody active' (fixture tests/fixtures/io/FollowerActivity_2026-01-01.csv)."),
    ("exports/facebook_videos.csv", "video",
     "Meta Business Suite video-level export (best guess of the header): Video asset ID, Post ID, Page name, "
     "Title, Duration (sec), Publish time, Permalink, Funded content status, Views, Reach, 3-second video views, "
     "1-minute video views, Seconds viewed, Average Seconds viewed -> video.post_id (Post ID, else the asset "
     "id), views, views_3s, views_1m, watch_time_s, avg_view_duration_s, retention (average / duration)."),
    ("exports/instagram_audience.csv", "audience",
     "Meta Business Suite Audience export (best guess of the layout): UTF-16, `sep=,`, sections `\"Age & "
     "gender\"` (\"Age\",\"Women\",\"Men\" in percent), `\"Top cities\"` and `\"Top countries\"` "
     "(\"City\"/\"Country\",\"Value\"). Stored as shares 0-1: age_gender cells (`18-24|female`), their "
     "age and gender totals, cities and countries."),
    ("(not in the sample) YouTube Studio `Table data.csv`, `Chart data.csv`, `Totals.csv`", "posts, account_daily",
     "Advanced-mode export: `Table data.csv` (Content, Video title, Video publish time, Duration, Views, Watch "
     "time (hours)...; first row `Total`; Indonesian headers Konten/Judul video/Waktu publikasi video/Penayangan "
     "and dates like `3 Okt 2026`; a video with an empty publish time is kept without a time) -> posts and "
     "video; `Chart data.csv` (Date, Content, ..., Views) -> daily rows of posts, summed per video; `Totals.csv` "
     "(Date and the charted metric: Views, Watch time (hours), Subscribers, New viewers...) -> account_daily. "
     "The sample's business has no YouTube channel: fixtures in "
     "tests/fixtures/io."),
    ("(not in the sample) TikTok `FollowerGender.csv`, `FollowerTopTerritories.csv`", "audience",
     "In TikTok's `Followers_<handle>.zip` (unzipped, the folder names the account): `\"Gender\",\"Distribution\"` "
     "(Female/Male/Other) and `\"Top territories\",\"Distribution\"` (ISO codes, `Others`), shares 0-1 -> audience "
     "rows of dimension gender / country. `Content.csv`'s `Time` column is the export day without a year "
     "(`February 28`): yearless post days take their year from it, and a video id's first 32 bits give the "
     "exact upload second (UTC), used where it agrees with the day in the file. The 2025 web download "
     "(`Video title, Video link, Post time, Video views, Likes, Comments, Shares, Add to Favorites`) writes "
     "`Post time` like `2025/10/31 18:19:10` in UTC whatever the account's zone; its Overview has full dates "
     "and `Lost followers` (unfollows); its Followers download (`Date, New followers, Total followers, Reached "
     "audience, Engaged audience`) gives followers_gained and reach, and follower counts where not `--`."),
    ("(not in the sample) a Meta export re-saved by a spreadsheet", "posts, video",
     "Opened in a `;` spreadsheet and saved again, every line holding a quote is ONE quoted cell "
     "(`\"Post ID,\"\"Account ID\"\",...\"`): the lines are unwrapped on reading. Meta's 2025 video export "
     "(`Video asset ID`, `Universal video ID`, ..., `Seconds viewed` like `14321.665`, `Average Seconds viewed` "
     "like `5.404`, retention curve and 3-second views by audience and country) has no Post ID or Views: "
     "the asset id is the video's id; seconds keep their decimals."),
    ("(column) `paid` of posts", "posts",
     "Meta `Funded content status` (any status but blank/'not funded' = boosted; the sample's Facebook export "
     "marks boosted promo posts `Boosted`) and X's `promoted ...` columns (promoted impressions or engagements "
     "above 0 = promoted). Missing when the export does not say (Instagram, TikTok)."),
    ("content_plan.csv", "content_plan",
     "The team's written content plan (Indonesian headers: ID, Tanggal, Jam, Platform, Akun, Tema, Jenis Konten, "
     "Format, Caption, Aset, Tagar, Sumber, Status)."),
    ("profile.yaml", "profile", "Fact-finding profile (layout in `smanalysis/profile.py`)."),
    ("client.yaml", "client config", "Config for `smanalysis report data/sample/client.yaml`."),
    ("codebook.yaml", "codebook", "Themes and Indonesian keywords for qualitative coding."),
    ("truth.yaml", "ground truth", "What the generator planted, for tests of the analysis layers."),
]


def readme(t: dict[str, pd.DataFrame], *, scale: float, seed: int) -> str:
    """The text of ``data/sample/README.md`` for generated tables ``t``."""
    posts, c = t["posts"], t["comments"]
    counts = posts["platform"].value_counts()
    n_reply = int(c["is_brand_reply"].sum())
    fol = t["followers"].sort_values("date").groupby("platform")["followers"].agg(["first", "last"])
    ig0, ig1 = (int(v) for v in fol.loc["instagram"]) if "instagram" in fol.index else (0, 0)
    files = "\n".join(f"| `{f}` | {table} | {what} |" for f, table, what in FILES)
    return f"""# The bundled sample: Kopi Senja, Yogyakarta

A **fictional** coffee shop and its two competitors over 12 months (2025-11-01 .. 2026-10-31), written by
`smanalysis sample --scale {scale:g} --seed {seed}` (the generator is `smanalysis.sample`). Every file is in
the format the platform or tool really exports, not in the canonical format: `smanalysis load
data/sample/exports/*` reads them all, and `smanalysis report data/sample/client.yaml` builds the report for
October 2026 (compared with September 2026). All names, handles and texts are invented; any resemblance to
real accounts is accidental.

## The story

**Kopi Senja** is a three-year-old coffee shop on Jl. Kaliurang, popular with students (nugas, wifi,
colokan) and young workers. Its admin posts on Instagram (`kopisenja.id`, {ig0:,} -> {ig1:,} followers over the year),
TikTok (`kopisenja.id`), a Facebook page (`kopisenja`) and X (`kopisenja_id`), with a casual tone that calls
customers *kak*. Competitors: **Kopi Pagi** (`kopipagi.jogja`, bigger, more reels) and **Ruang Seduh**
(`ruangseduh`, small but growing with remote workers).

What happened over the year (all planted, see `truth.yaml`):

- **Ramadan** (Feb-Mar 2026): bukber packages; Lebaran closure 19-21 March.
- **14 March 2026**: a TikTok video (POV barista) goes viral (about 60x the usual views); TikTok followers
  jump by about 2,000 in three days, Instagram follows up too.
- **13 June 2026**: a delivery-app outage: late, cold and wrong orders, a storm of complaints in the
  comments and in listening mentions.
- **22 August 2026**: the food blogger `jogjafoodhunter` (48k followers) reviews Kopi Senja: the mention
  with the largest reach, a follower jump on Instagram.
- **10 October 2026**: a price increase is announced: complaints about *harga* in comments and mentions.
- **12-18 October 2026**: the admin is on leave: most plan rows that week are skipped, replies are rare
  and slow, questions and complaints pile up unanswered.
- **17 October 2026**: third-anniversary giveaway: a rush of tag-a-friend comments and spam, a follower jump,
  and giveaway hunters unfollowing the week after.
- The plan drifts toward **promotion** in September and October, while promotion engages less than useful
  or entertaining posts.
- The network on X: communities `kampus` (hub `infokampusjogja`), `kuliner` (hub `jogjafoodhunter`),
  `gowes` (fades from March, gone by June), `kopi_manual` (splits in July 2026 into `kopi_manual` and
  `espresso`, hub `espresso_jogja`), `wfc` (born in May 2026); `dinda_ngopi` is the broker between kampus
  and kuliner (a cost-effective micro-influencer with 1,850 followers); `selebjogja` has 310k followers and
  almost no interactions (the million-follower fallacy).

## What is in it

{len(posts)} own posts ({', '.join(f'{k} {v}' for k, v in counts.items())}), {len(c)} comments of which
{n_reply} brand replies, {len(t['mentions'])} listening mentions, {len(t['tweets'])} tweets on X forming
{len(t['interactions'])} interactions, {len(t['content_plan'])} content-plan rows,
{len(t['competitor_posts'])} competitor posts, and daily follower series.

| file | canonical table | what it is |
| --- | --- | --- |
{files}

Not in the files on purpose (as with real exports): reach of competitor posts, X follower history, the time
of day of TikTok posts, seconds of Meta publish times. The X own-account follower series exists in
`smanalysis.sample.generate()` only.

## `truth.yaml`: what the generator planted

| key | what |
| --- | --- |
| `influencers`, `broker`, `follower_fallacy` | X handles of the clear influencers (food blogger, campus account: highest weighted in-degree and PageRank after the brand), the broker between two communities, the account with many followers and no influence |
| `communities.hubs`, `communities.events`, `communities.membership` | hub of each planted community; the planted events (birth, death, split, growth, contraction) with their month; members active per community per month (`YYYY-MM`) |
| `spikes`, `viral_post_ids` | planted spike days (local dates) and the viral TikTok post |
| `admin_leave` | the week the brand barely answers |
| `care.complaint_ids`, `care.storm_complaint_ids` | ids of top-level complaint comments (all, and those of the two complaint storms) |
| `care.unanswered_question_ids`, `care.unanswered_complaint_ids` | questions and complaints that got no brand reply |
| `care.spam_ids`, `care.insult_ids`, `care.intent_counts`, `care.complaint_topics` | more of the planted conversation |
| `plan.skipped_plan_ids`, `plan.skipped_but_not_marked`, `plan.late_plan_ids` (id: days late), `plan.future_plan_ids`, `plan.unplanned_post_ids` | plan-versus-actual outcomes |
| `plan.promo_share_by_month` | share of promotion rows in the plan per month |
| `plan.limit_violations`, `plan.incomplete_plan_ids` | plan rows that break a platform limit (an X caption over 280 characters, an Instagram caption with 32 hashtags; both never posted) and rows with a blank asset, hashtags or source |
| `mentions.spike_days`, `mentions.counts_by_brand` | listening spikes and share of voice |
| `files.duplicate_post_id` | the Instagram post exported twice |

## Canonical tables (data dictionary)

Readers in `smanalysis.io` turn the files into these tables (defined in `smanalysis/schema.py`). Timestamps
are UTC, presented in Asia/Jakarta; counts are floats so that "not exported" is NaN, not 0.

{data_dictionary_markdown()}
## Regenerating

```bash
smanalysis sample --out data/sample --force    # this sample (scale 1, seed 2026)
smanalysis sample --scale 100 --out /tmp/big   # a large dataset for benchmarks
```

At `--scale 100` (about 30,000 posts, 525,000 comments, 120,000 listening mentions, 280,000 tweets; about
330 MB, a minute or two) the X search results come as `x_mentions_<first day>.jsonl` files of about 1,500
tweets each. `smanalysis.sample.generate(scale, seed)` returns the same tables in memory, with `truth_*` columns
(intent of each comment, plan outcome...) that the export files do not carry.
"""
