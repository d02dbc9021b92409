"""Page furniture that scraped news pages share: the data table the line classifier matches.

General web-page knowledge, not any one site: player and share widgets, navigation
labels, "related content" headings, credit and sourcing wording. Phrases are compared
after `phrase_key` (case-folded, spaces collapsed, trailing punctuation dropped), so an
entry covers "Share", "SHARE" and "Share:" alike.
"""

from __future__ import annotations

import re

# A whole line that is only this phrase is a widget, wherever it sits.
WIDGET_PHRASES: dict[str, str] = {}


def _add(reason: str, phrases: str) -> None:
    for phrase in phrases.strip().split("\n"):
        if phrase.strip():
            WIDGET_PHRASES[phrase.strip()] = reason


_add("accessibility links", """
accessibility links
skip to main content
skip to content
skip to main navigation
skip to navigation
skip to search
skip to footer
skip navigation
jump to navigation
toggle navigation
toggle main navigation
toggle search input
main menu
menu
menu sections
""")
_add("video player", """
please wait
no media source currently available
play live radio
next up
available on air stations
play video
watch video
watch the video
watch now
play
pause
mute
unmute
fullscreen
full screen
now playing
video
loading
loading video
this video is not available
your browser does not support the video tag
live
listen
listen to this article
listen live
embed
copy link
""")
_add("image widget", """
16x9 image
image
photo
photos
enlarge this image
enlarge image
toggle caption
hide caption
show caption
caption
close
back to gallery
view gallery
view slideshow
open gallery
expand
previous next
close previous next
next
previous
prev
""")
_add("advertisement", """
advertisement
advertisements
advertising
ad
ads
sponsored
sponsored content
paid content
promoted
story continues below
story continues below advertisement
article continues below
article continues below advertisement
continue reading below
advertisement - scroll to continue
scroll to continue with content
""")
_add("share buttons", """
share
share this
share this article
share this story
share article
share on facebook
share on twitter
share via email
share by email
tweet
email
e-mail
print
print options
cancel print
whatsapp
facebook
twitter
linkedin
pinterest
reddit
facebook twitter linkedin
facebook twitter email
save
save article
bookmark
copy
copied
""")
_add("navigation", """
home
search
search search
search form
sign in
log in
login
log out
register
subscribe
subscribe now
sign up
newsletter
newsletters
back to top
return to top
logo return to top
top
more
all
follow us
contact
contact us
about
about us
terms of use
terms & conditions
terms and conditions
privacy policy
privacy notice
cookie policy
cookies
site map
sitemap
rss
breaking news
breaking
latest
latest news
news
world
politics
opinion
sports
business
entertainment
""")
_add("promo", """
read more
continue reading
show more
see more
load more
more stories
view all
see all
view comments
view the discussion thread
""")

# A line that is only one of these headings ends the article: a related-content list,
# comments or the site footer follows.
END_HEADINGS: dict[str, str] = {}
for _phrase in """
latest stories
latest news
latest headlines
more stories
top stories
related
related stories
related articles
related content
related news
related coverage
related posts
related links
related topics
recommended
recommended for you
recommended stories
recommended articles
you may also like
you might also like
you may be interested in
we recommend
read next
read this next
up next
what to read next
more from
more on this story
more in
most popular
most read
most viewed
most shared
popular stories
popular now
trending
trending news
trending now
trending stories
editor's picks
editors' picks
don't miss
in case you missed it
more from the web
around the web
from the web
sponsored stories
promoted stories
leia também
leia mais
veja também
você pode gostar
mais lidas
notícias relacionadas
lee también
te puede interesar
noticias relacionadas
lo más leído
à lire aussi
lire aussi
articles similaires
les plus lus
lesen sie auch
mehr zum thema
das könnte sie auch interessieren
meistgelesen
leggi anche
potrebbe interessarti
articoli correlati
i più letti
читайте также
похожие новости
популярное
baca juga
berita terkait
terpopuler
""".strip().split("\n"):
    END_HEADINGS[_phrase.strip()] = "Latest Stories list"
for _phrase in """
comments
comment
top rated comments
leave a comment
leave a reply
add a comment
post a comment
join the discussion
join the conversation
the conversation
show comments
reader comments
комментарии
отзывы
kommentare
comentários
comentarios
commentaires
commenti
komentar
""".strip().split("\n"):
    END_HEADINGS[_phrase.strip()] = "comments"

# Headings that start this way end the article too ("More from Politics", "Most popular diets").
END_PREFIXES = (
    "most popular ", "most read ", "more from ", "more stories ", "related stories ", "you may also ", "you might also ",
    "recommended for ", "самые популярные", "читайте также", "leia também", "mais lidas", "lesen sie auch",
)

# Patterns searched in a whole stripped line, with the reason shown to the user.
VIDEO_TIMES = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*[/|]?\s*(?:\d{1,2}:)?\d{1,2}:\d{2})*$")
READ_TIME = re.compile(r"\b\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\s+(?:read|listen|watch)\b", re.I)
GALLERY_COUNT = re.compile(r"^(?:image|photo|slide|picture)?\s*\d+\s*(?:of|/)\s*/?\s*\d+$", re.I)
SEPARATOR = re.compile(r"^[\W_]{1,}$")
COMMENT_COUNT = re.compile(
    r"^\[?\s*\d+\s+(?:comments?|replies|responses|thoughts)\s*\]?$|^\d+\s+(?:comments?|replies|responses|thoughts) (?:on|to)\b",
    re.I,
)
SHARE_COUNT = re.compile(r"^\d[\d,.]*\s*[kKmM]?\s+(?:shares?|views|likes|reads)$")
NO_LETTERS = re.compile(r"^[^\w]*[\d\W_]+$")
SOURCE_NOTE = re.compile(r"^sources?\s*:\s*\w", re.I)

COPYRIGHT = re.compile(r"^(?:©|\(c\)\s)|^copyright\s*(?:©|\(c\)|\d{4}|$)|\ball rights reserved\b|©\s*\d{4}|\bcopyright\s+(?:©\s*)?\d{4}", re.I)

# Sourcing and contributor lines that close wire and broadcaster stories.
SOURCING = re.compile(
    r"\bcontributed (?:reporting|to this (?:report|story|article))|"
    r"^(?:with |additional )?reporting by\b|^(?:with |additional )reporting (?:from|in)\b|"
    r"\binformation for this (?:report|story|article) came from\b|"
    r"\b(?:this|the) (?:report|story|article) (?:was|has been) (?:updated|corrected|originally published)\b|"
    r"^(?:editing|writing|compiled|produced|edited) by\b|^\(?(?:reporting|editing) by\b|"
    r"\breported from [A-Z]",
    re.I,
)

# Calls to action that turn a paragraph into a promo.
PROMO = re.compile(
    r"\bclick here\b|\bsign up (?:for|to)\b|\bsubscribe (?:to|for|now)\b|\bdownload (?:the|our) app\b|"
    r"\bfollow us on\b|\bnewsletter\b|^live (?:briefing|updates|blog|coverage)\s*[:：]|^(?:related|read more|see also|more on|also read|"
    r"read also|watch|listen|recommended|don't miss|explore more|more from)\s*[:：|]|^related\b",
    re.I,
)
TAGS = re.compile(r"^(?:tags?|topics?|filed under|categories|category|posted in|keywords|more about)\s*[:：]", re.I)

# Photo credits: agency or photographer wording on a short line.
PHOTO_CREDIT = re.compile(
    r"\bvia (?:AP|Reuters|AFP|Getty|Getty Images|EPA|Bloomberg)\b|\bAP Photo\b|\bGetty Images\b|"
    r"/\s?(?:AP|AFP|Reuters|Getty|EPA|Shutterstock|Xinhua|TASS|Sputnik|Bloomberg|ANP|dpa)\b|"
    r"(?i:^(?:photo|photograph|image|picture|credit|photo credit|image credit|foto|bild)\s*[:：]|"
    r"^(?:photo|photograph|image) (?:by|courtesy|credit)\b|\bcourtesy of\b)|\bShutterstock\b|\biStock\b|"
    r"\b(?:AFP|EPA|Reuters|AP|Xinhua|TASS|Sputnik|Getty)$"
)
# A caption that carries its own credit in closing brackets: "... (AP Photo/Jane Doe)", "[File: Reuters]".
CAPTION_CREDIT = re.compile(
    r"\[(?:file|photo|image|pictured)?:?[^\[\]]*\b(?:Reuters|AP|AFP|Getty(?: Images)?|EPA|File|Photo)\]\s*$|"
    r"\((?:[^()]*\b(?:photo|photograph|image|pool|file)\b[^()]*|[^()]*\bvia (?:AP|Reuters|AFP|Getty)\b[^()]*|"
    r"[^()]*/\s?(?:AP|AFP|Reuters|Getty|EPA)[^()]*)\)\s*$",
    re.I,
)

# Bylines: "By Jane Doe", "Jane Doe, The Associated Press", "Jane Doe, AP Auto Writer".
BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|von|por|par|di|door|av|af)\s+\S|"
    r",\s*(?:the )?(?:associated press|ap|reuters|afp|bloomberg|cnn|bbc news|npr|voa)\b|"
    r"\b(?:staff writer|staff reporter|correspondent|contributing writer|senior writer|news editor)$",
    re.I,
)
# Date and time lines under a headline: "Updated 1:39 am EST, Wednesday, November 20, 2019".
MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE_LINE = re.compile(
    rf"\b{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{MONTHS}\s+\d{{4}}\b|\b\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b|"
    r"^(?:updated|published|posted|last updated|first published)\b|\b\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)",
    re.I,
)
# An author bio after the body: "Jane Doe has reported for ... since 2011".
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|has|was|covers|reports|writes|joined|previously)\b"
)


def phrase_key(text: str) -> str:
    """The form a line is looked up in the phrase tables."""
    return " ".join(text.casefold().split()).strip(" .:;,!|>»·•-–—*#")
