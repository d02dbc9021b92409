"""Wording patterns of page furniture: timecodes, credits, bylines, sourcing and copyright lines.

Each pattern is searched in one stripped line; `digest.cleaning.lines` decides which
lines are short enough for a pattern to be meaningful and checks cheap hints first.
"""

from __future__ import annotations

import re

VIDEO_TIMES = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*[/|]?\s*(?:\d{1,2}:)?\d{1,2}:\d{2})*$")
READ_TIME = re.compile(r"\b\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\s+(?:read|listen|watch)\b", re.I)
GALLERY_COUNT = re.compile(r"^(?:image|photo|slide|picture)?\s*\d+\s*(?:of|/)\s*/?\s*\d+$", re.I)
SEPARATOR = re.compile(r"^[\W_]{1,}$")
COMMENT_COUNT = re.compile(r"^\[?\s*\d+\s+(?:comments?|replies|responses|thoughts)\s*\]?$", re.I)
# WordPress and similar open the comments with "6 thoughts on “Title”", "12 responses to ...".
COMMENTS_HEADING = re.compile(r"^\d+\s+(?:comments?|replies|responses|thoughts) (?:on|to)\b", re.I)
SHARE_COUNT = re.compile(r"^\d[\d,.]*\s*[kKmM]?\s+(?:shares?|views|likes|reads)$")
NO_LETTERS = re.compile(r"^[^\w]*[\d\W_]+$")
SOURCE_NOTE = re.compile(r"^sources?\s*:\s*\w", re.I)

COPYRIGHT = re.compile(r"^(?:©|\(c\)\s)|^copyright\s*(?:©|\(c\)|\d{4}|$)|\ball rights reserved\b|©\s*\d{4}|\bcopyright\s+(?:©\s*)?\d{4}", re.I)

# Sourcing and contributor lines that close wire and broadcaster stories.
SOURCING = re.compile(
    r"\bcontributed (?:reporting|to this (?:report|story|article))|"
    r"^with reporting by\b|^additional reporting (?:by|from|in)\b|"
    r"\binformation for this (?:report|story|article) came from\b|"
    r"\b(?:this|the) (?:report|story|article) (?:was|has been) (?:updated|corrected|originally published)\b",
    re.I,
)
# Wire credits that open with a verb ("Reporting by ...; Editing by ..."): as the start
# of a long paragraph the same words are news ("Produced by Jupiter Research, the study ...").
SOURCING_SHORT = re.compile(
    r"^\(?(?:reporting|editing|writing|compiled|produced|edited|additional reporting) by\b|"
    r"^(?:with )?reporting (?:from|in)\b|\breported from [A-Z]",
    re.I,
)

# A line that opens by telling the reader to click is a link's blurb, in any language:
# "Click on the image above ...", "Clique na foto ...", "Cliquez ici ...", "Klicken Sie ...";
# one that promises the reader's inbox is a newsletter pitch.
_CALL_TO_READER = (
    r"^(?:click|clique|cliquez|clica|clicca|klicken sie|klicke|haz clic)\b|\b(?:clique|cliquez|clicca|clica) (?:aqui|ici|qui)\b|"
    # "in your inbox" alone is also how news about phishing talks; the pitch promises delivery.
    r"\b(?:delivered|sent|straight|direct|directly) (?:to|into) your inbox\b|\b(?:in|to) your inbox every\b|"
)
# Calls to action that turn a paragraph into a promo.
PROMO = re.compile(
    _CALL_TO_READER + r"\bclick here\b|\bsign up (?:for|to)\b|\bsubscribe (?:to|for|now)\b|\bdownload (?:the|our) app\b|"
    r"\bfollow us on\b|\bnewsletter\b|^live (?:briefing|updates|blog|coverage)\s*[:：]|^(?:related|read more|see also|more on|also read|"
    r"read also|watch|listen|recommended|don't miss|explore more|more from)\s*[:：|]|^related\b",
    re.I,
)
# In a long paragraph only the site talking to its reader counts: "sign up to broadband"
# is news, "sign up for our newsletter" is not.
PROMO_IN_PROSE = re.compile(
    _CALL_TO_READER + r"\bclick here\b|\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ )?(?:newsletter|daily|weekly|email|alerts)|"
    r"\bdownload (?:our|the \w+) app\b|\bfollow us on\b|\bsubscribe now\b",
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

# A caption whose credit closes the line: "... Photograph: Jane Doe/Getty Images",
# "... REUTERS/Jane Doe/File Photo".
CAPTION_TAIL = re.compile(
    r"(?:\b(?:Photograph|Photo|Picture|Image|Illustration|Photo illustration)\s*:\s*[^.!?]{2,80}|"
    r"\b(?:REUTERS|Reuters|AFP|EPA|AP Photo)/\s?[A-Z][^.!?]{1,60})\s*$"
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
# Caption wording: who is where in the picture.
CAPTION_WORDS = re.compile(
    r"\bpictured\b|\((?:left|right|center|centre|L|R|C)\)|, (?:left|right|center|centre),|\bin this (?:file )?photo\b|"
    r"\b(?:is|are) seen\b|\bposes\b|\blooks on\b|\bfile photo\b",
    re.I,
)
# How to reach the author: "Jane Doe may be reached at ...", "Follow her on Twitter".
AUTHOR_CONTACT = re.compile(r"\b(?:may|can) be reached at\b|\bfollow (?:him|her|them|me) on\b|^have a tip\?", re.I)

# An author bio after the body: "Jane Doe has reported for ... since 2011".
AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|has|was|covers|reports|writes|joined|previously)\b"
)
# An author bio says what the author does: "... is an NBC News contributor who writes about ...".
AUTHOR_ROLE = re.compile(
    r"\b(?:contributor|reporter|correspondent|writer|editor|journalist|columnist|producer|author)\b|"
    r"\b(?:covers|writes about|has reported|has covered)\b",
    re.I,
)
# Cookie banners: "We use cookies to ...", "Nous utilisons les témoins (cookies) ...".
COOKIE_NOTICE = re.compile(
    r"\b(?:we use|this (?:site|website) uses|by (?:continuing|using)|consent|utilisons|verwenden|usamos|"
    r"utilizziamo|utilizamos|wij gebruiken)\b",
    re.I,
)
