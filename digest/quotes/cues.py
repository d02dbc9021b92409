"""Word lists the attribution rules read: cue verbs, titles, pronouns, first names.

General English newswire vocabulary only — nothing here is specific to one article.
"""

from __future__ import annotations

import re

# Verbs that introduce reported speech. Past and present tense; "told" is special because
# its object is the listener, so it never takes an inverted subject ("told Smith" ≠ Smith spoke).
_CUE_STEMS = (
    "said says say told tells added adds wrote writes asked asks explained explains noted notes "
    "stated declared declares continued continues insisted insists argued argues claimed "
    "claims recalled recalls replied replies responded responds answered answers warned warns "
    "tweeted tweets posted posts announced announces acknowledged acknowledges admitted admits "
    "conceded concedes complained complains suggested suggests observed observes remarked remarks "
    "joked jokes quipped quips shouted shouts yelled yells exclaimed exclaims urged urges predicted "
    "predicts promised promises vowed vows pledged pledges emphasized emphasizes emphasised "
    "stressed stresses concluded concludes countered counters agreed agrees boasted boasts "
    "contended contends maintained maintains mused muses reiterated reiterates repeated repeats "
    "testified testifies recounted recounts cautioned cautions affirmed affirms confirmed confirms "
    "wondered wonders lamented laments proclaimed proclaims retorted retorts scoffed scoffs "
    "snapped snaps demanded demands pleaded pleads mentioned mentions reads read chanted chants "
    "texted emailed whispered whispers cried cries sang sings greeted greets replied interjected "
    "interjects thundered bragged brags predicted pointed begged begs opined reminded reminds "
    "told tells described describes called calls charged charges alleged alleges blasted reported "
    "reports"
)
CUE_VERBS = frozenset(_CUE_STEMS.split())
# Cue verbs that can come before their subject in "…," said Smith.
INVERTING = CUE_VERBS - {"told", "tells", "called", "calls", "described", "describes", "reminded",
                         "reminds", "greeted", "greets", "begged", "begs", "urged", "urges",
                         "charged", "charges", "blasted", "read", "pointed"}
# "adding that …", "saying …": the subject is the main clause's.
PARTICIPLES = frozenset(
    "adding saying noting telling writing arguing explaining insisting warning stressing "
    "asking declaring claiming acknowledging calling describing pledging vowing promising "
    "urging emphasizing emphasising suggesting recalling complaining charging alleging "
    "joking replying responding continuing tweeting posting texting emailing shouting yelling "
    "quipping answering announcing stating declaring remarking observing predicting warning "
    "boasting conceding admitting pointing reiterating repeating lamenting".split()
)
# Words that can sit between a subject and its cue verb ("Smith also said", "he has said").
ADVERBS = frozenset(
    "also later then again once previously recently earlier has had have would will could "
    "simply flatly repeatedly reportedly separately frequently often still further even "
    "publicly privately angrily quietly bluntly candidly firmly famously "
    "then-".split()
)
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "we": "p", "i": "s", "it": "n"}

# Nouns naming a document rather than a person: "the statement said" → whoever issued it.
DOC_NOUNS = frozenset(
    "statement statements release report letter memo memorandum email e-mail readout "
    "transcript post tweet message note filing complaint lawsuit ad advertisement video "
    "editorial document documents notice announcement order ruling suit indictment poll "
    "survey study analysis website page headline petition plan proposal bill text".split()
)
# Nouns that make an unnamed human source ("a senior official", "the spokesman").
PERSON_NOUNS = frozenset(
    "official officials spokesman spokeswoman spokesperson spokespeople aide aides adviser "
    "advisers advisor advisors source sources person people officer officers diplomat diplomats "
    "lawmaker lawmakers senator senators representative congressman congresswoman "
    "member members staffer staffers analyst analysts expert experts observer observers "
    "candidate nominee president leader minister secretary ambassador envoy governor mayor "
    "chairman chairwoman chair director manager executive attorney lawyer judge woman man "
    "voter voters resident residents supporter supporters critic critics student students "
    "participant participants witness witnesses worker workers organizer organizers "
    "strategist strategists operative operatives insider insiders economist economists "
    "professor researcher scientist historian commentator host anchor reporter journalist "
    "writer author colleague friend neighbor neighbour father mother son daughter wife "
    "husband brother sister veteran activist protester protesters president-elect "
    "businessman businesswoman owner ceo founder coach player fan fans teacher doctor "
    "nurse pastor priest general commander chief deputy republican democrat republicans "
    "narrator announcer questioner moderator caller interviewer speaker farmer councillor "
    "councilor banker engineer officer trader lawyer scholar "
    "democrats conservative liberal pollster pollsters".split()
)
FEMALE_NOUNS = frozenset("spokeswoman congresswoman chairwoman businesswoman woman wife mother "
                         "daughter sister actress lady queen princess grandmother".split())
MALE_NOUNS = frozenset("spokesman congressman chairman businessman man husband father son "
                       "brother actor king prince grandfather".split())

# Capitalised words that are titles or roles, not part of a person's name.
TITLES = frozenset(
    "mr mrs ms miss dr sen sens senator senators rep reps representative gov governor president vice secretary "
    "gen general rev prof professor judge justice speaker mayor chairman chairwoman chair "
    "minister prime foreign defense defence deputy assistant undersecretary under state "
    "ambassador spokesman spokeswoman spokesperson press chief of staff adviser advisor "
    "national security director leader majority minority whip attorney lt col colonel capt "
    "captain sgt sergeant adm admiral cmdr commander officer chancellor king queen prince "
    "princess pope sheikh emir ayatollah house white former acting interim first lady "
    "candidate nominee democratic republican democrat republican gop independent u.s us "
    "us. the sir dame lord lady gen. coach ceo executive founder president-elect "
    "congressman congresswoman councilman councilwoman councilmember commissioner "
    "del delegate superintendent sheriff detective inspector agent trooper pastor father reverend bishop "
    "cardinal rabbi imam chairman. chief-of-staff campaign manager counsel "
    "russian ukrainian american chinese british french german israeli iranian iraqi syrian "
    "turkish japanese korean indian canadian mexican polish italian spanish belarusian "
    "european nato u.n un eu kremlin pentagon".split()
)
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f",
                    "lord": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m",
                    "princess": "f", "congressman": "m", "congresswoman": "f",
                    "spokesman": "m", "spokeswoman": "f", "councilman": "m", "councilwoman": "f",
                    "chairwoman": "f"}
# A capitalised run ending in one of these is an organisation, not a person.
ORG_WORDS = frozenset(
    "ministry department embassy consulate agency office council committee commission "
    "party campaign administration government parliament congress senate house court "
    "university college school institute foundation association union league federation "
    "organization organisation corporation corp corp. inc inc. co co. company group bank "
    "network news times post journal tribune herald magazine press service services "
    "bureau board authority army navy force forces police guard kremlin pentagon "
    "church team club fund center centre alliance coalition movement caucus cabinet "
    "commission secretariat assembly duma rada review daily channel radio tv television "
    "monitor reuters ap afp nato un eu opec fbi cia nsa who".split()
)
# Capitalised words that start sentences but never begin a name.
CAP_STOP = frozenset(
    "the a an but and or so yet in on at to for from with by of as if when while after before "
    "since because although though however meanwhile still also then now later earlier last "
    "next this that these those there here it its he she they we i you his her their our my "
    "your what who whom which where why how both neither either each every some many most "
    "such no not only even just more less one two three four five six seven eight nine ten "
    "first second third mr mrs ms dr asked speaking according during despite under over "
    "among between against without within about into through across around instead indeed "
    "unlike like perhaps maybe yes well oh please thank thanks monday tuesday wednesday "
    "thursday friday saturday sunday january february march april may june july august "
    "september october november december today tomorrow yesterday tonight all any other "
    "another several few much further already again finally overall senior top unnamed "
    "anonymous".split()
)
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
NAME_PARTICLES = frozenset("de da van von bin al del la le di du der den dos das st. ibn".split())

# Common given names with a clear gender, for "he"/"she" agreement. International forms
# included because newswire quotes world leaders; ambiguous names are left out.
MALE_NAMES = frozenset("""
aaron adam adrian ahmed al alan albert alex alexander alexei alexey ali andre andrew andrei
andriy andy angelo anthony antonio antony arnold arthur barack barry ben benjamin bernie bill
billy bob bobby boris brad bradley brandon brett brian bruce bryan carl carlos charles charlie
chris christian christopher chuck clarence cory craig dale dan daniel danny darren dave david
dean dennis denis derek dmitry dmitri dmytro don donald doug douglas duncan dwight ed eddie
edward elijah emmanuel eric erik ernest eugene evan frank franklin fred frederick gary gavin
gene george gerald giuseppe gordon graham greg gregory hank harold harry hassan henry herbert
howard hugh hunter ian igor isaac ivan jack jacob jake james jamie jared jason jay jeff jeffrey
jens jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jordan jose joseph
josh joshua juan justin karl keith ken kenneth kevin kim_m kurt kyle larry lawrence lee_m leo
leon leonard lindsey_m lloyd louis luis luke marco marcus mario mark martin matt matthew max
michael miguel mike mikhail mitch mitt mohammed muhammad nancy_m nathan neil ned nicholas
nick nigel nikolai norman oleg oliver omar oscar patrick paul pete peter phil philip pierre
rafael ralph rand randy ray raymond reince reggie richard rick rob robert roberto rod roger
ron ronald rudy rudolph russell ryan sam samuel scott sean sebastian sergei sergey seth
shawn simon stanley stephen steve steven stuart ted thomas tim timothy tom tommy tony
travis trey vassily vasily victor viktor vince vincent vladimir volodymyr walter warren
wayne wesley will william xi yuri zach zachary
""".split()) - {"kim_m", "lee_m", "lindsey_m", "nancy_m"}
FEMALE_NAMES = frozenset("""
abigail alexandra alice alicia alison allison amanda amy ana andrea angela angelina ann anna
anne annette april ashley barbara betsy betty beverly brenda brittany candace carla carly
carmen carol caroline carolyn catherine cathy charlotte chelsea cheryl christina christine
claire clara claudia colleen condoleezza connie cynthia dana_f danielle deborah debbie debra
denise diana diane donna doris dorothy elaine eleanor elena elizabeth ellen emily emma erica
erin eva evelyn frances gabrielle gail gina gloria grace hannah heather heidi helen hillary
holly hope huma irene irina jackie jacqueline jan_f jane janet janice jeanne jen jennifer
jessica jill jo joan joanna jodi joy joyce judith judy julia julie karen kate katherine
kathleen kathryn kathy katie kayleigh kellyanne kelly_f kimberly kirsten kristen laura
lauren leslie_f lili linda lisa liz lois loretta lori lucy lynn madeleine maggie mara
margaret maria marie marina marsha martha mary megan melania melissa meryl michele michelle
mona monica nancy natalia natalie nicole nikki nina olga pam pamela patricia patty paula
penny rachel rebecca regina rita roberta robin_f rosa rose ruth sally samantha sandra sara
sarah sharon sheila shirley sonia sophia stacey stephanie sue susan suzanne tammy tanya
teresa theresa tiffany tina tracy valerie vanessa victoria virginia wanda wendy yulia
yvonne zoe
""".split()) - {"dana_f", "jan_f", "kelly_f", "leslie_f", "robin_f"}

_CUE_SET = CUE_VERBS | PARTICIPLES
_ALPHA = re.compile(r"([A-Za-z]+)")
_ACCORDING = re.compile(r"(according to)\b", re.IGNORECASE)


class _CueFinder:
    """Finds cue words ("said", "according to") like a compiled pattern would (finditer/search,
    group(1) is the cue), by a set lookup per word: far faster than a 250-way alternation."""

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        for m in _ALPHA.finditer(text, pos, endpos):
            w = m.group()
            if w in _CUE_SET:  # lower case only: "the United States" holds no cue
                yield m
            elif w in ("according", "According"):
                acc = _ACCORDING.match(text, m.start(), endpos)
                if acc:
                    yield acc

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return next(self.finditer(text, pos, endpos), None)


CUE_RE = _CueFinder()


def ends_with_cue(text: str) -> bool:
    """Text ending in a cue ("Smith said,", "he told reporters that", "…:"): speech follows."""
    t = text[-60:].rstrip()
    if t.endswith(":"):
        return True
    t = t.rstrip(",").rstrip()
    if t.lower().endswith(" that"):
        t = t[:-5].rstrip()
    words = t.split()
    if not words:
        return False
    last = words[-1].lower()
    return last in _CUE_SET or (last == "to" and len(words) > 1 and words[-2].lower() == "according")


def first_name_gender(token: str) -> str:
    """'m', 'f' or '' for a given name."""
    low = token.lower().strip(".")
    if low in MALE_NAMES:
        return "m"
    if low in FEMALE_NAMES:
        return "f"
    return ""


def role_noun_gender(words) -> str:
    """'f' for "spokeswoman", 'm' for "spokesman", '' otherwise."""
    for w in words:
        if w in FEMALE_NOUNS:
            return "f"
        if w in MALE_NOUNS:
            return "m"
    return ""

# First words of place names ("North Korea", "New York"): a two-word name starting with one
# of these is not taken for a person just because it "said" something.
PLACE_STARTS = frozenset("north south east west new united saudi great san santa los las el la le "
                         "fort port mount st. saint upper lower central northern southern eastern "
                         "western hong sri costa puerto rhode".split())
# Cue verbs that, capitalised, break a run of names in a headline ("Graham Says …").
HEADLINE_CUES = frozenset("says said tells told writes wrote asks asked adds added warns claims admits "
                          "insists explains argues slams blasts hammers urges "
                          # other verbs that follow a name in a title-case headline ("Clinton Goes After …")
                          "goes gets calls vows denies defends rejects accuses attacks mocks praises "
                          "responds unveils launches touts".split())
