"""From quoted segments to Quote records: attribution per segment, joining, kind.

A segment takes its speaker from an attribution after it in the same sentence ('…," she
said'), else before it ('He said: "…'), else from the surrounding text (the sentence before,
a speaker named right after, or the previous paragraph's speaker — a quote standing alone
in a paragraph continues whoever spoke last).
"""

from __future__ import annotations

import bisect
import re

from digest.model import Quote, Span
from digest.quotes.attribute import NP, cue_np, cue_phrase, cue_subject_near
from digest.quotes.cues import CUE_RE, PARTICIPLES, PLACE_STARTS, ends_with_cue
from digest.quotes.detect import Segment, is_title
from digest.quotes.document import FRONTED, Document
from digest.quotes.mentions import MASK, analyse_run, name_runs
from digest.quotes.resolve import UNKNOWN, Attribution, from_entity, resolve
from digest.quotes.places import government_of
from digest.quotes.roles import speaker_role

# words between a quote and its cue verb: few ('"…," Smith said'), more when appositions
# stand between ('"…," Smith, a former aide to the governor, one of the founders, said')
_MAX_GAP_WORDS = 7
_MAX_GAP_WORDS_APPOSITION = 28


def _gap_ok(region: str) -> bool:
    limit = _MAX_GAP_WORDS_APPOSITION if "," in region.strip(" ,") else _MAX_GAP_WORDS
    return len(region.split()) <= limit


def attribute_segment(doc: Document, seg: Segment, nxt: Segment | None) -> Attribution | None:
    par, masked = seg.par, doc.masked[seg.par]
    special = _testimonial(doc, seg) or _transcript(doc, seg)
    if special is not None:
        return special
    lo, hi = doc.sentence(par, seg.open_at)
    if seg.after > hi:  # the quote runs past the sentence end we found
        hi = doc.sentence(par, max(seg.after - 1, lo))[1]
    end = min(hi, nxt.open_at) if nxt is not None and nxt.par == par and nxt.open_at >= seg.after else hi
    inner = doc.texts[par][seg.start:seg.end].rstrip()
    # '"…," she said' — a quote ending a clause; '"ignored" Moscow's concerns' goes on instead
    ends = inner[-1:] in ",.?!…—-'’" or masked[seg.after:seg.after + 2].lstrip()[:1] in (",", "—", "-", "")
    for m in CUE_RE.finditer(masked, seg.after, end if ends else seg.after):
        region = masked[seg.after:m.start()]
        if not _gap_ok(region):
            break
        if m.group(1).lower() in PARTICIPLES:
            break  # '…," adding that' belongs to the main clause before
        if re.match(r"\s+that\b", masked[m.end():m.end() + 6]):
            break  # '"hysteria," Putin says that …': the verb has a complement of its own
        np = cue_np(doc, par, seg.after, m)
        if np is not None:
            a = resolve(doc, np)
            a.cue, a.where = cue_phrase(masked, m.start(), np), "after"
            if np.kind == "pronoun":
                a.cue = np.text + " " + a.cue
            return a
    cues = [m for m in CUE_RE.finditer(masked, lo, seg.open_at)]
    for m in reversed(cues):
        if m.group(1).lower() in PARTICIPLES:
            continue
        np = cue_np(doc, par, lo, m)
        if np is not None:
            a = resolve(doc, np)
            a.cue, a.where = cue_phrase(masked, m.start(), np), "before"
            return a
    before = masked[lo:seg.open_at].rstrip()
    label = _CHARACTERISES.search(before)
    if not cues and label:
        # 'the Kremlin has cast the warnings as "hysteria"': the label is the subject's word
        a = _sentence_subject(doc, par, lo, label.start())
        if a is not None:
            a.cue, a.where = label.group(1), "before"
            return a
    if cues or before.endswith(":"):
        a = _sentence_subject(doc, par, lo, seg.open_at)
        if a is not None:
            a.cue = cue_phrase(masked, cues[-1].start()) if cues else ":"
            a.where = "colon" if not cues else "before"
            return a
    return None


_CHARACTERISES = re.compile(r"\b(cast|casts|dismissed|dismisses|labeled|labelled|labels|branded|brands|termed|"
                            r"terms|characterized|characterised|characterizes|derided|derides|denounced|"
                            r"denounces|portrayed|portrays)\b[^\x01.;:]{0,100}\bas$")
_DASH_NAME = re.compile(r"\s*[―—–-]{1,2}\s*([^\x01]{2,60}?)[.\s]*$")
_TRANSCRIPT = re.compile(r"\s*((?:[A-Z][A-Za-z]*\.?\s){0,3}[A-Z][A-Z'’-]+):\s")


def _named(doc: Document, par: int, pos: int, tokens: list[str], cue: str) -> Attribution | None:
    # transcript labels are upper case: read them as a name, not an acronym
    kind, roles, name = analyse_run([t.title() if t.isupper() and len(t) > 3 else t for t in tokens])
    if kind not in ("person", "name") or not name:
        return None
    idx = doc.lookup([t.lower() for t in name], kind, par, pos)
    speaker = doc.entities[idx].name if idx >= 0 else " ".join(t if not t.isupper() else t.title() for t in name)
    return Attribution(speaker, cue, "", 0.8, "after", idx)


def _testimonial(doc: Document, seg: Segment) -> Attribution | None:
    """'"…" ― Sonya Herridge': a name after a dash closing the paragraph."""
    m = _DASH_NAME.match(doc.masked[seg.par], seg.after)
    if not seg.closed or not m:
        return None
    runs = name_runs(m.group(1))
    if not runs or runs[0][0] > 1:
        return None
    return _named(doc, seg.par, m.start(1), runs[0][2], "―")


def _transcript(doc: Document, seg: Segment) -> Attribution | None:
    """'"WALLACE: Let's start…' — a transcript names the speaker before a colon."""
    m = _TRANSCRIPT.match(doc.texts[seg.par], seg.start)
    if not m:
        return None
    a = _named(doc, seg.par, seg.start, m.group(1).split(), m.group(1) + ":")
    if a is not None:
        a.where = "label"
    return a


def _sentence_subject(doc: Document, par: int, lo: int, hi: int) -> Attribution | None:
    """The first person or organisation named in masked[lo:hi] (or a leading pronoun)."""
    masked = doc.masked[par]
    # "With Democrats worried about Clinton, Obama is rolling out a message:" — skip the
    # fronted clause to reach the subject
    fronted = FRONTED.match(masked, lo, hi)
    if fronted:
        lo = fronted.end()
    first = re.match(r"\s*(?:\w+\s+){0,2}?(he|she|they)\b", masked[lo:hi], re.I)
    ms, keys = doc.mentions[par], doc.mention_starts(par)
    for k in range(bisect.bisect_left(keys, lo), bisect.bisect_left(keys, hi)):
        m = ms[k]
        if m.entity >= 0:
            if first and lo + first.start(1) < m.start:
                break
            e = doc.entities[m.entity]
            named = m.kind == "name" and len(m.tokens) >= 2 and m.tokens[0].lower() not in PLACE_STARTS
            if e.kind == "org" or e.person or m.kind == "desc" or named:
                return from_entity(doc, m.entity, 0.6)
    if first:
        return resolve(doc, NP("pronoun", first.group(1).lower(), par, lo + first.start(1)))
    return None


_LOOK_BACK = 6  # sentences


def _institution_subject(doc: Document, par: int, lo: int, at: int) -> Attribution | None:
    """'Washington laid out in its response a "serious diplomatic path"': a quoted fragment in
    a sentence whose subject is a government or an organisation carries that body's wording.
    People are left to the neighbouring sentences: a person named first is often not the source."""
    lead = re.match(r"\s*(?:[Tt]he\s+)?", doc.masked[par][lo:at])
    if lead is None or lo + lead.end() >= at or MASK in doc.masked[par][lo:at]:
        return None
    first = next((m for m in doc.mentions[par] if m.start >= lo + lead.end()), None)
    if first is None or first.start != lo + lead.end() or first.entity < 0 or first.end >= at:
        return None
    e = doc.entities[first.entity]
    if e.kind == "org" or (not e.person and government_of(e.name) != e.name):
        return Attribution(e.name, "", "", 0.4, "context", first.entity)
    return None


def context_attribution(doc: Document, seg: Segment, last_speaker: dict[int, Attribution]) -> Attribution:
    """A segment with no cue of its own: read the neighbouring sentences."""
    par = seg.par
    lo, hi = doc.sentence(par, seg.open_at)
    a = _institution_subject(doc, par, lo, seg.open_at)
    if a is not None:
        return a
    # the sentence(s) before in the same paragraph: 'Smith spoke Tuesday. "…"' — the last few
    # only, as a reader would (and a paragraph of thousands of sentences stays linear)
    k = bisect.bisect_left(doc.starts[par], lo)
    for s in reversed(doc.starts[par][max(0, k - _LOOK_BACK):k]):
        np = cue_subject_near(doc, par, s)
        if np is not None:
            a = resolve(doc, np)
            a.where, a.confidence = "context", min(a.confidence, 0.6)
            return a
    # a speaker named right after: '"…" That was the verdict of Smith' is rare, but
    # '"…" Smith said on Tuesday, adding …' (a new sentence starting with the subject) is common
    if hi < len(doc.texts[par]):
        m = CUE_RE.search(doc.masked[par], hi, min(len(doc.masked[par]), hi + 60))
        if m and m.group(1).lower() not in PARTICIPLES and len(doc.masked[par][hi:m.start()].split()) <= 6:
            np = cue_np(doc, par, hi, m)
            if np is not None:
                a = resolve(doc, np)
                a.where, a.confidence = "context", min(a.confidence, 0.5)
                return a
    # the previous paragraph: its last quote's speaker, else its last speech verb's subject
    for p in range(par - 1, max(-1, par - 3), -1):
        if p in doc.skip:
            continue
        if p in last_speaker:
            a = last_speaker[p]
            return Attribution(a.speaker, a.cue, a.description, min(a.confidence, 0.5), "context", a.entity)
        masked = doc.masked[p]
        if masked.rstrip().endswith(":"):
            # 'Sanders made the following comment:' introduces the quote paragraph
            a = _sentence_subject(doc, p, doc.starts[p][-1], len(masked))
            if a is not None:
                a.where, a.cue = "context", ":"
                return a
        for s in reversed(doc.starts[p][-_LOOK_BACK:]):
            np = cue_subject_near(doc, p, s)
            if np is not None:
                a = resolve(doc, np)
                a.where, a.confidence = "context", min(a.confidence, 0.4)
                return a
        break
    return Attribution(UNKNOWN, "", "", 0.1, "context")


def _between_is_attribution(doc: Document, a: Segment, b: Segment) -> bool:
    """'"A," he said, "B."' — only a short attribution separates the two segments."""
    if a.par != b.par or not a.closed:
        return False
    gap = doc.masked[a.par][a.after:b.open_at]
    if MASK in gap or not gap.strip():
        return False
    if not re.search(r"[,.:;]\s*$", gap) or re.search(r"\bthat\s*$", gap):
        return False
    m = CUE_RE.search(gap)
    if not m or m.group(1).lower() in PARTICIPLES:
        return False
    # the speaker before the verb, and a short complement after it ("said Thursday in a
    # statement", or the speaker himself: "said Jens Stoltenberg at a meeting in Brussels")
    return _gap_ok(gap[:m.start()]) and len(gap[m.end():].split()) <= 16


def is_direct(doc: Document, seg: Segment, attr: Attribution | None) -> bool:
    """A quoted sentence or clause that stands alone, not a fragment of the reporter's sentence."""
    inner = doc.texts[seg.par][seg.start:seg.end].strip()
    words = inner.split()
    if seg.continues:
        return True
    if not words:
        return False
    lo, _ = doc.sentence(seg.par, seg.open_at)
    before = doc.masked[seg.par][max(lo, seg.open_at - 120):seg.open_at].rstrip()
    after = doc.masked[seg.par][seg.after:seg.after + 3].lstrip()
    ends_clause = inner[-1] in ".?!,…" or after[:1] in (".", "?", "!", "") or (
        after[:1] == "," and attr is not None and attr.where == "after")
    # at a sentence start, after a colon, or after 'Smith said,'
    starts = not before or before.endswith((":", MASK)) or (
        before.endswith(",") and CUE_RE.search(before, max(0, len(before) - 80)) is not None)
    if starts and (inner[0].isupper() or not inner[0].isalpha()):
        return len(words) >= 2 or inner[-1] in ".?!"
    if starts or ends_with_cue(before) or before.endswith(" that"):
        # 'he said that "…"' with a whole clause inside; "including …", "of …" and a noun
        # phrase with no verb ('emphasized "the U.S. willingness … to continue …"') are fragments
        return len(words) >= 6 and ends_clause and _clause_start(words)
    return False


_FRAGMENT_START = frozenset("of in on at to for from with by about as than into over under between "
                            "against without toward towards".split())
_DETERMINERS = frozenset("the a an this these those its their his her our your my such".split())
_FINITE = frozenset("is are was were be been being am will would can could should must may might shall "
                    "has have had does do did won't can't isn't aren't wasn't weren't don't doesn't "
                    "didn't hasn't haven't wouldn't couldn't shouldn't".split())


def _clause_start(words: list[str]) -> bool:
    """Could a lower-case quote open a clause of its own? Not when it starts with a preposition
    or an -ing form, nor a noun phrase with no finite verb anywhere in it."""
    first = words[0].lower().strip("[(\"'‘“")
    if first in _FRAGMENT_START or (first.endswith("ing") and len(first) > 5):
        return False
    if first in _DETERMINERS:
        lows = {w.lower().strip(".,;:!?\"'’”") for w in words}
        return bool(lows & _FINITE) or any(w.endswith(("'s", "’s", "n't", "n’t")) for w in lows)
    return True


def build_quotes(doc: Document, segs: list[Segment]) -> tuple[Quote, ...]:
    """Attribute every segment, drop quoted titles, join segments into quotes, fill gaps."""
    texts = doc.texts
    attrs: list[Attribution | None] = []
    for i, s in enumerate(segs):
        a = attribute_segment(doc, s, segs[i + 1] if i + 1 < len(segs) else None)
        attrs.append(a)
        if a is not None and a.entity >= 0:
            doc.recent.append((s.par, a.entity))  # for pronouns that find nobody nearby
    direct = [is_direct(doc, s, attrs[i]) for i, s in enumerate(segs)]
    kept = [i for i, s in enumerate(segs)
            if s.continues or not is_title(texts[s.par][s.start:s.end],
                                           doc.masked[s.par][max(0, s.open_at - 60):s.open_at],
                                           direct[i] or (attrs[i] is not None and attrs[i].where == "after"))]
    keep = [segs[i] for i in kept]
    attrs = [attrs[i] for i in kept]
    direct = [direct[i] for i in kept]
    out: list[Quote] = []
    last_speaker: dict[int, Attribution] = {}
    roles: dict[int, str] = {}  # per entity: every mention is read once
    by_name = {e.name: i for i, e in enumerate(doc.entities)}
    for g in _group(doc, keep, attrs, direct):
        attr = next((attrs[i] for i in g if attrs[i] is not None and attrs[i].where in ("label", "after")), None) \
            or next((attrs[i] for i in g if attrs[i] is not None), None) \
            or context_attribution(doc, keep[g[0]], last_speaker)
        spans = [span for span in (_trimmed(texts, keep[i]) for i in g) if span.start < span.end]
        speaker = attr.speaker or UNKNOWN
        role = ""
        if speaker != UNKNOWN:
            ent = attr.entity if attr.entity >= 0 else by_name.get(speaker, -1)
            if ent not in roles:
                roles[ent] = speaker_role(doc, ent)
            role = roles[ent]
            if ent < 0 or not doc.entities[ent].person:
                speaker = government_of(speaker)  # "Moscow says" → the Russian government
        if spans:  # a pair of marks around nothing but spaces or a comma ('" ,') quotes nobody
            out.append(Quote(text=" ".join(texts[sp.paragraph][sp.start:sp.end] for sp in spans), speaker=speaker,
                             kind="direct" if direct[g[0]] or len(g) > 1 else "partial", cue=attr.cue,
                             spans=tuple(spans), speaker_description=attr.description if speaker == UNKNOWN else "", speaker_role=role,
                             confidence=round(attr.confidence, 2)))
        if speaker != UNKNOWN:
            for i in g:
                last_speaker[keep[i].par] = attr
    return tuple(out)


def _trimmed(texts: list[str], seg: Segment) -> Span:
    """The segment's span without surrounding spaces and one trailing attribution comma
    ('"…," she said'), so that Quote.text is exactly the characters its spans cover."""
    text, start, end = texts[seg.par], seg.start, seg.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return Span(seg.par, start, end)


def _group(doc: Document, keep: list[Segment], attrs: list[Attribution | None],
           direct: list[bool]) -> list[list[int]]:
    """Segments that make one quote: a split quote ('"A," he said, "B."') and a quotation
    running over several paragraphs (each paragraph reopening the marks)."""
    groups: list[list[int]] = []
    first: Attribution | None = None  # the first attribution in groups[-1], kept as it grows
    for i, s in enumerate(keep):
        if groups:
            j = groups[-1][-1]
            prev = keep[j]
            own_after = attrs[i] is not None and attrs[i].where == "after"
            label = attrs[i] is not None and attrs[i].where == "label"
            # a long quotation names its speaker once; a continued segment with an attribution
            # of its own means a closing mark went missing, so it starts a new quote
            other = own_after and first is not None and (
                first.speaker != attrs[i].speaker or first.where in ("after", "before"))
            if (s.continues and prev.par in (s.par - 1, s.par) and not prev.closed and not label and not other) or (
                    not own_after and attrs[j] is not None and attrs[j].where == "after"
                    and _between_is_attribution(doc, prev, s) and direct[j]):
                groups[-1].append(i)
                first = attrs[i] if first is None else first
                continue
        groups.append([i])
        first = attrs[i]
    return groups
