"""Page furniture that scraped news pages share: the phrase tables the line classifier matches.

General web-page knowledge, not any one site: player and share widgets, navigation
labels, "related content" and comments headings (in the languages news pages commonly
use). Phrases are compared after `phrase_key` (case-folded, spaces collapsed, edge
punctuation dropped), so an entry covers "Share", "SHARE" and "Share:" alike. The
wording patterns (credits, bylines, sourcing lines) live in `digest.cleaning.patterns`.
"""

from __future__ import annotations

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

def phrase_key(text: str) -> str:
    """The form a line is looked up in the phrase tables."""
    return " ".join(text.casefold().split()).strip(" .:;,!|>»·•-–—*#")
