"""PHI de-identification: scrub note text before it leaves the machine, restore it locally.

    from assistant.phi import get_deidentifier
    scrubbed = get_deidentifier().deidentify(note, extra_names=["Margaret O'Connell"])
    answer = call_model(scrubbed.text)            # only placeholders such as <PERSON_1> leave
    letter = scrubbed.reidentify(answer)          # original values put back locally

Importing this package is cheap: Presidio and spaCy load on the first ``Deidentifier()``.
"""

from assistant.phi.engine import Deidentified, Deidentifier, get_deidentifier

__all__ = ["Deidentified", "Deidentifier", "get_deidentifier"]
