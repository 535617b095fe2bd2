"""Billers' shorthand, plain and jargon words, and Spanish-English questions, rewritten into the words `understand`
reads (pure but for reading the vocabulary table, knowledge/vocabulary/words.yaml, once).

    normalise("97550 allowed amt for dos 2/20/24, non-fac")   # -> "97550 allowed amount for dos 2/20/24, non-facility"
    normalise("cuánto paga medicare por 97550 el año pasado")  # -> "how much does pay medicare for 97550 last year"

Shorthand, a family's plain words ("sicknesses") and settings' jargon ("long-stay res") are rewritten everywhere (whole
words and phrases, from the vocabulary table). Spanish words are rewritten only in a question that uses at least one
word found only in Spanish ("paciente", "cuánto", "año", an accented letter or "¿"), so the short function words
("en", "con", "sin", "la") are never read as Spanish in an English question. The rewrite is word for word: it only has
to put the words of the knowledge and of the kind patterns in front of them ("how much", "patient present", "last
year", "March 2025").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from assistant.knowledge.loader import default_knowledge_dir
from assistant.retrieval.spoken import spell_codes
from assistant.yamlio import load_yaml

# shorthand, a family's plain words and settings' jargon, each rewritten into the words the knowledge uses: one table
# in the knowledge folder (knowledge/vocabulary/words.yaml)
VOCABULARY = ("shorthand", "plain", "jargon")

# Spanish (accents folded) -> English. Multi-word phrases first; then single words.
SPANISH_PHRASES: tuple[tuple[str, str], ...] = (
    ("el ano pasado", "last year"), ("ano pasado", "last year"), ("este ano", "this year"),
    ("el proximo ano", "next year"), ("proximo ano", "next year"), ("el ano que viene", "next year"),
    ("el mes pasado", "last month"), ("este mes", "this month"), ("se puede", "can I"), ("a partir de", "from"),
    ("sin el paciente", "without the patient"), ("con el paciente", "with the patient"), ("hay que", "must"),
    # "cuanto tiempo" asks how long (a deadline), not how much (a fee)
    ("cuanto tiempo tenemos", "how long do we have"), ("cuanto tiempo tengo", "how long do I have"),
    ("cuanto tiempo", "how long"),
    ("cuanto paga", "how much does pay"), ("cuanto pagan", "how much do pay"), ("por que", "why"),
    ("tiene que", "has to"), ("tienen que", "have to"), ("igual que", "same as"), ("como medicare", "like medicare"),
    ("lugar de servicio", "place of service"),
)
SPANISH_WORDS: dict[str, str] = {
    "cuanto": "how much", "cuantos": "how many", "cuantas": "how many", "que": "what", "cual": "which",
    "cuando": "when", "como": "how", "quien": "who", "puedo": "can I", "podemos": "can we", "puede": "can",
    "necesito": "do I need", "necesita": "needs", "paga": "pays", "pagan": "pay", "pago": "payment",
    "facturar": "bill", "facturo": "bill", "factura": "bill", "cobrar": "bill", "cobro": "bill",
    "paciente": "patient", "pacientes": "patients", "cuidador": "caregiver", "cuidadora": "caregiver",
    "cuidadores": "caregivers", "presente": "present", "ausente": "absent", "sin": "without", "con": "with",
    "ano": "year", "anos": "years", "mes": "month", "dia": "day", "minutos": "minutes", "unidades": "units",
    "unidad": "unit", "codigo": "code", "codigos": "codes", "consentimiento": "consent", "firma": "signature",
    "negado": "denied", "negada": "denied", "denegado": "denied", "denegada": "denied", "rechazado": "denied",
    "negaron": "denied", "apelacion": "appeal", "apelar": "appeal", "telesalud": "telehealth",
    "telemedicina": "telehealth", "videollamada": "video", "grupo": "group", "grupal": "group",
    "esposa": "wife", "esposo": "husband", "hija": "daughter", "hijo": "son", "mama": "mother", "madre": "mother",
    "papa": "father", "padre": "father", "todavia": "still", "valido": "valid", "valida": "valid",
    "vigente": "in effect", "entrenamiento": "training", "capacitacion": "training", "terapeuta": "therapist",
    "nota": "note", "modificador": "modifier", "modificadores": "modifiers", "debe": "must", "deben": "must",
    "cubrir": "cover", "cubre": "covers", "cubren": "cover", "documentar": "document", "grupos": "groups",
    "familias": "families", "clase": "class", "una": "a", "un": "a",
    "limite": "limit", "umbral": "threshold", "tarifa": "fee",
    "reembolso": "reimbursement", "sesion": "session", "estaba": "was", "estuvo": "was", "esta": "is",
    "es": "is", "en": "in", "de": "of", "del": "of the", "para": "for", "por": "for", "y": "and", "o": "or",
    "el": "the", "la": "the", "los": "the", "las": "the", "hoy": "today", "ayer": "yesterday", "antes": "before",
    "despues": "after", "desde": "since", "hasta": "until", "solo": "only", "tambien": "also", "si": "if",
    "enero": "January", "febrero": "February", "marzo": "March", "abril": "April", "mayo": "May",
    "junio": "June", "julio": "July", "agosto": "August", "septiembre": "September", "setiembre": "September",
    "octubre": "October", "noviembre": "November", "diciembre": "December",
}
# Words only Spanish uses: one of them (or an accent, "¿", "¡", "ñ") marks the question as mixed.
_SPANISH_ONLY = frozenset({
    "cuanto", "cuantos", "puedo", "podemos", "necesito", "paciente", "pacientes", "cuidador", "cuidadora",
    "cuidadores", "ano", "anos", "facturar", "cobrar", "consentimiento", "telesalud", "apelacion", "esposa",
    "esposo", "todavia", "entrenamiento", "capacitacion", "minutos", "unidades", "codigo", "codigos", "estaba",
    "negaron", "enero", "febrero", "marzo", "abril", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre", "pagan", "sesion", "cuando", "tambien", "despues", "pago", "paga", "facturo",
    "cobro", "negado", "negada", "denegado", "denegada", "rechazado", "terapeuta", "hija", "hijo", "estuvo",
    "valido", "valida", "vigente", "modificadores", "modificador", "cubrir", "cubre", "cubren", "debe", "deben",
    "tiene", "tienen", "documentar", "familias",
})
_MARK = re.compile(r"[¿¡ñáéíóú]", re.I)
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*/?")
# "15 de marzo de 2025", "marzo de 2025": the day and year around a Spanish month
_SPANISH_DATE = re.compile(r"\b(\d{1,2}) de ([a-z]+)(?: de(?:l)?)? (20\d{2})\b", re.I)
_SPANISH_MONTH_YEAR = re.compile(r"\b([a-z]+) (?:de(?:l)? )?(20\d{2})\b", re.I)


def fold(text: str) -> str:
    """Accents removed ("año" -> "ano"), same length as the input's letters."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def is_spanish(text: str) -> bool:
    """The question mixes in Spanish: an accent, an inverted mark, or a word only Spanish uses."""
    return bool(_MARK.search(text)) or any(w in _SPANISH_ONLY for w in _TOKEN.findall(fold(text).lower()))


def _dates(text: str) -> str:
    def day(m: re.Match[str]) -> str:
        month = SPANISH_WORDS.get(m.group(2).lower())
        return f"{month} {m.group(1)}, {m.group(3)}" if month and month[0].isupper() else m.group(0)

    def month(m: re.Match[str]) -> str:
        name = SPANISH_WORDS.get(m.group(1).lower())
        return f"{name} {m.group(2)}" if name and name[0].isupper() else m.group(0)

    return _SPANISH_MONTH_YEAR.sub(month, _SPANISH_DATE.sub(day, text))


def _spanish(text: str) -> str:
    text = _dates(re.sub(r"[¿¡]", "", fold(text)))
    for phrase, english in SPANISH_PHRASES:
        text = re.sub(rf"\b{phrase}\b", english, text, flags=re.I)
    return _TOKEN.sub(lambda m: SPANISH_WORDS.get(m.group(0).lower(), m.group(0)), text)


@cache
def rewrites() -> dict[str, str]:
    """Every rewrite of the vocabulary table, keyed by the words as said (lower case)."""
    table = load_yaml((default_knowledge_dir() / "vocabulary" / "words.yaml").read_text(encoding="utf-8"))
    return {str(said).lower(): str(meant) for part in VOCABULARY for said, meant in (table.get(part) or {}).items()}


@cache
def _rewrite_pattern() -> re.Pattern[str]:
    said = sorted(rewrites(), key=len, reverse=True)  # longer phrases first: "med adv" before "adv"
    return re.compile(r"(?<![\w/-])(" + "|".join(re.escape(k) for k in said) + r")(?![\w/-])", re.I)


def _shorthand(text: str) -> str:
    table = rewrites()
    return _rewrite_pattern().sub(lambda m: table[m.group(0).lower()], text)


def normalise(text: str) -> str:
    """`text` with billers' shorthand, a family's plain words and settings' jargon in the knowledge's words (the
    vocabulary table) and, in a Spanish-English question, the Spanish words in English.
    Codes, modifiers, dates and numbers are kept as written; codes, years and days spoken in words (a dictated
    question: "nine seven five five two", "twenty twenty four", "march ninth") are written as digits."""
    text = _shorthand(spell_codes(text))
    if not is_spanish(text):
        return text
    return _spanish(text)
