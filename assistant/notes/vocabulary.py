"""Phrase lists the extractor matches (case-insensitive, on spaCy tokens).

Labels name what a phrase is evidence of. Kept as data beside the engine so clinicians can
review them; negation is decided by negspacy over these spans, not here.
"""

from __future__ import annotations

PATIENT_REFS = (
    "patient", "pt", "pt.", "client", "child", "children", "resident", "beneficiary", "member", "infant", "toddler",
    "student",
    # mixed Spanish and English notes
    "paciente", "niño", "niña",
)

CONCEPTS: dict[str, tuple[str, ...]] = {
    # presence of someone during the CTS time; the subject decides whose presence it is
    "PRESENCE": (
        "present", "in the room", "in room", "in attendance", "attended", "attend", "participated", "participating",
        "presnt",
        "joined", "was there", "observed the session", "sat in", "join", "be here", "be present",
        "stayed in the treatment room", "in the treatment room", "remained in the room", "stayed in the room",
        "stayed for the session", "sat in on",
        "brought into the room", "brought into the office", "brought into the session", "came along",
        "stayed for the rest of the session", "in the group room", "in the training room",
        "stayed in the session", "remained in the session", "stayed during the session",
        # taking part, or putting the therapist's words to the caregiver: "Pt interpreted for his wife"
        "took part", "taking part", "interpreted for", "interpreting for", "translated for", "translating for",
        # an attendance list's heading: "Attendees: wife, son, pt"
        "attendees", "participants",
        # said colloquially: "mom was right there at the table"
        "was right there", "were right there", "right there with us", "sat right there",
        # the therapist and the caregiver handled the patient together: "Pt in bed during session; we turned him
        # together, wife did the roll ..."
        "turned him together", "turned her together", "rolled him together", "rolled her together",
        "transferred him together", "transferred her together", "repositioned him together",
        "repositioned her together",
        # mixed Spanish and English notes
        "estaba presente", "estuvo presente", "presente",
    ),
    "ABSENCE": (
        "absent", "not present", "not presnt", "not prsent", "absnt", "not in attendance", "not in the room",
        "not in the treatment room", "not in the training room", "not in the group room",
        # a group's note: "Children were in the sibling room with staff -- not in the group"
        "not in the group", "not in group", "not in the class", "in the sibling room",
        "not in room", "was not present",
        "were not present", "without the patient", "without patient", "w/o patient", "w/o pt", "without pt",
        "pt absent", "patient absent", "patient-absent", "in another room", "at adult day", "at day program",
        "at school", "at dialysis", "resting in bedroom", "caregiver only", "caregiver-only", "with caregiver only",
        "only the caregiver", "family only", "caregivers only", "caregivers-only",
        # "0.6 hr face to face (brother only)": the trainee alone (presence.py reads it only closing its clause)
        "wife only", "husband only", "spouse only", "son only", "daughter only", "dtr only", "brother only",
        "sister only", "mother only", "father only", "mom only", "dad only",
        "parent only", "parent-only", "parents only", "waited in the car", "waited in the lobby", "in the waiting room",
        "stayed home",
        "remained home", "remained at home", "remains home", "remains at home", "stays home", "stays at home",
        "stayed in the car", "stayed at home", "did not attend", "asleep",
        "not part of the session", "not part of the training", "not part of this session", "napping", "napped", "was sleeping",
        "not participating",
        "not yet arrived", "had not arrived", "had not yet arrived", "not arrived yet",
        "not present for", "not in attendance for", "out of the room", "out of the home", "not home",
        "not at home", "away at",
        "remained in his room", "remained in her room", "stayed in his room", "stayed in her room", "in his room",
        "in her room", "in the other room", "at his appointment", "at her appointment", "at adult day care",
        "at day care", "at respite", "in respite", "with another therapist", "in the gym with", "at work",
        "without him", "without her", "without him present",
        "without her present", "not on the call", "not on camera", "not on the video", "not on video",
        "not on the phone",
        "not part of the call", "not part of the visit", "not part of the video", "not with us", "not with them",
        "in her bedroom", "in his bedroom", "in the bedroom", "in their apartments", "in their apartment",
        "in his apartment", "in her apartment", "in their rooms", "stayed in their rooms", "off the call",
        "not in the session", "not in session", "was not there", "were not there", "not there",
    # "Patient: Herr F. -- not attending (at home with his sister)", "pt already gone -- daughter drove him to town"
    "not attending", "already gone", "had already left", "already left",
        "not here", "not on site", "not onsite", "not on-site", "off site", "off-site", "not in office",
        "not in the office", "not in clinic", "not in the clinic", "not in the building",
        "did not come to clinic", "did not come to the clinic", "didn't come to clinic", "didn't come to the clinic",
        "did not come in", "didn't come in", "did not come to the session", "did not come to the visit",
        "not at the session", "not at the visit", "none present",
        # "32 min, patient gone", "not at training", "(pt left 10:35 with neighbor for an 11:00 neurology appt)",
        # "Pt then walked out to the car ... for a dental appointment"
        "patient gone", "pt gone", "not at training", "not at the training", "pt left with", "patient left with",
        "pt left at", "patient left at", "walked out to the car", "left for an appointment", "left for his appointment",
        "left for her appointment",
        # "home w/ neighbor today, NOT at session", "Pt at home, not brought to the session"
        "not at session", "not at this session", "not at today's session", "not brought in", "not brought to",
        "wasn't brought", "was not brought",
        # the caregiver came without the patient: "her nephew (lives w/ her, unpaid) attended alone"
        "attended alone", "came alone", "came in alone", "attended on her own", "attended on his own",
        # "Pt: E. D. (home, not at this visit -- she isn't driving yet)"
        "not at this visit", "not at this session", "not at today's visit", "not at today's session",
        "went to lie down", "with the patient gone", "with the patient away", "with pt gone", "with pt away",
        "with patient gone", "with the pt gone",
        # the same, contracted ("he wasn't with us")
        "wasn't with us", "weren't with us", "wasn't with them", "wasn't present", "wasn't there", "wasn't here",
        "wasn't in the room", "wasn't on the call", "isn't present", "isn't here",
        # the next room is not the session's room: "pt in the next room watching TV"
        "in the next room", "in the adjoining room", "in the adjacent room", "not part of session",
        "no presente", "no estaba presente", "no estuvo presente", "ausente",
        # abbreviated in a hurried or transcribed note ("Pt: -- not pres. (at cardiology)")
        "not pres", "not pres.",
        # at the patient's job ("pt at his job during session")
        "at his job", "at her job", "at their job",
        # elsewhere in the house or outdoors, or not come at all: "Pt was upstairs sleeping", "pt did not come"
        "was upstairs", "is upstairs", "stayed upstairs", "remained upstairs", "upstairs sleeping", "upstairs napping",
        "was downstairs", "stayed downstairs", "was outside", "stayed outside", "was outdoors",
        "did not come", "didn't come", "did not accompany", "didn't accompany", "stayed behind",
    ),
    "CONSENT": (
        "consent", "consents", "consented", "consenting", "cnsnt", "consnt", "cnsent", "agreed to caregiver training",
        "agrees to caregiver training",
        "gave permission", "gives permission", "permission given", "authorized training",
        "authorization for caregiver training",
        "approved training of", "agreed to training", "agrees to training", "agreeable to training",
        "agreed to have", "ok'd training", "okayed training", "verbal ok", "verbal okay", "permission to train",
        "fine to train", "okay to train", "ok to train", "fine with training", "fine with the training",
        "okay with training", "ok with training", "agreed to the training",
        "agreed verbally", "verbally agreed", "agrees verbally", "verbally agrees", "agreed in writing", "cons |",
        "cons:",
        "consentimiento", "consintió", "consintio", "dio su consentimiento",
    ),
    "RETURN_DEMO": (
        "return demonstration", "return demonstrations", "return demo", "return-demo", "return demonstrated",
        # shortened in a hurried note ("wife ret demo x3 ok")
        "ret demo", "ret. demo", "ret-demo", "ret demo'd", "ret. demo'd",
        "return-demonstrated", "return demonstrates", "return-demonstrates", "return demonstrate", "return-demonstrate",
        "teach-back", "teach back", "teachback", "demonstrated back", "demonstrated understanding",
        "demonstrated correct",
        "demonstrated safe", "demonstrated proper", "demonstrated independent", "demonstrated good",
        "demonstrated competency",
        "was able to perform", "able to perform", "able to demonstrate", "performed the", "performed transfer",
        "performed transfers", "performed each", "performed with", "performed correctly", "performed safely",
        "repeated back",
        "verbalized back", "competency check", "return demonstration of", "rtn demo", "return demo'd", "returned demo",
        "returned demonstration", "returned a demonstration", "demo'd back", "return-demo'd", "returned demos",
        "return demos", "role-played", "role played", "teach back of", "rehearsed",
        "taught back", "taught-back", "teach-backs", "tb completed", "completed tb", "tb accurate", "tb correct",
        "rtd", "rtd'd", "return-to-demonstrate", "demonstrated the technique", "demonstrated the transfer",
        "demonstrated each step", "demonstrated all steps", "completed the flow test", "performed the flow test",
        "showed back", "showed me", "did a return", "explained back", "restated", "repeated the steps",
        # an after-visit summary written to the caregiver: "you talked me through the whole transfer"
        "talked me through", "walked me through", "you got it right", "you did it right", "you did it correctly",
        "back to me", "practice transfers",
        # "Your turn: you positioned the mannequin ...; your second try was right"
        "your turn", "your second try", "your try was right",
    ),
    "GOAL": (
        "goal", "goals", "ltg", "stg", "poc", "plan of care", "plan-of-care", "treatment plan", "therapy plan",
        "functional goal", "functional goals", "care plan",
        # early intervention's plan of care: the Individualized Family Service Plan and its outcomes
        "ifsp", "ifsp outcome", "ifsp outcomes",
    ),
    "NEED": (
        "requires assistance", "requires assist", "requires", "needs assistance", "needs assist", "needs help",
        "dependent", "depends on", "relies on", "unable to", "cannot safely", "at risk", "risk of", "fall risk",
        "need for caregiver training", "caregiver training is needed", "needed to", "necessary to", "in order to",
        "to enable", "to allow", "to safely", "to ensure", "so that", "because", "due to", "min a", "mod a", "max a",
        "min assist", "mod assist", "max assist", "minimal assistance", "moderate assistance", "maximal assistance",
        "cga", "sba", "contact guard", "stand by assist", "1-person assist", "2-person assist", "total assist",
        "discharge home", "returning home", "caregiver has been", "struggling", "need", "needs", "reason",
        "indication", "s/p", "status post", "secondary to", "deficit", "deficits", "impaired", "impairment", "weakness",
        "difficulty", "dysphagia", "aphasia", "dysarthria", "dementia", "hemiparesis", "cva", "stroke", "parkinson's",
        "parkinson", "tbi", "sci", "als", "amputation", "fracture", "tka", "tha", "deconditioned", "fall", "falls",
        "coughing", "assists", "helps", "primary caregiver", "only helper", "supervises", "prepares", "moving in",
        "lives with", "requires help", "progressive", "recently home", "home from", "asked for", "asked about",
        # the need under its heading ("Why: pt is new to a manual wheelchair after R BKA"), and amputations by level
        "why:", "reason for training", "bka", "transtibial", "transfemoral",
        # a child's condition, and the caregiver's part in the child's day ("watches Mateo after preschool")
        "delay", "delays", "disorder", "d/o", "torticollis", "plagiocephaly", "cerebral palsy", "autism",
        "spastic", "diplegia", "diplegic", "quadriplegia", "hypotonia", "low tone", "watches", "cares for",
        "requested",
        "surgery", "fusion", "post-op", "postoperative", "has been pulling", "has been struggling", "worsened",
        "paraplegia", "quadriplegia", "tetraplegia", "paralysis", "high-risk", "fragile skin", "hip replacement",
        "knee replacement", "joint replacement", "recovering from", "dislocation", "multiple sclerosis", "copd",
        "heart failure", "neuropathy", "ataxia", "vision loss", "low vision", "macular degeneration", "alzheimer's",
        "alzheimer", "cognitive decline", "memory loss", "spinal cord injury", "cerebral palsy", "contracture",
        "contractures", "lymphedema", "frail", "frailty", "limited", "reduced",
        # the caregiver hurt while helping: the training protects the caregiver as well as the patient
        "strained his back", "strained her back", "hurt his back", "hurt her back", "injured his back",
        "injured her back", "back pain", "back injury",
        # a skill lost or a behavior the caregiver cannot yet manage is why the training is needed
        "regression", "regressed", "regressing", "tantrums", "meltdowns", "autism",
        # a child's feeding or motor need
        "gagging", "hypotonia", "developmental delay",
        # a joint disease and what it costs the patient at home ("RA flare, hand deformities, dropping pans")
        "arthritis", "rheumatoid", "flare", "flare-up", "deformity", "deformities", "dropping", "drops things",
    ),
    "SKILLED": (
        "fall risk", "risk of falls", "risk for falls", "aspiration risk", "risk of aspiration", "precautions",
        "hip precautions", "sternal precautions", "spinal precautions", "aspiration precautions", "weight bearing",
        "wbat", "nwb", "ttwb", "pwb", "complex", "complexity", "hands-on", "hands on", "tactile cues", "tactile cueing",
        "corrected", "correction", "corrections", "feedback", "cues", "cueing", "verbal cues", "modified technique",
        "modified the", "modification", "modifications", "adapted", "skilled", "clinical judgment", "unsafe",
        "safety concerns", "impulsive",
        "impulsivity", "cognitive impairment", "cognitive deficits", "hemiparesis", "hemiplegia", "neglect",
        "orthostatic", "dysphagia", "spasticity", "body mechanics", "graded", "progressed", "instructed in adjusting",
        "risk of skin breakdown", "infection risk", "risk", "risks", "risk for", "cue", "cued", "cueing", "safety risk",
        "caregiver injury", "aspiration", "choking", "desaturation", "clinical judgement", "choking risk",
        "vc", "vcs", "verbal cue", "tactile cue", "tc", "min vc", "mod vc", "hand-over-hand", "hand over hand",
        # a correction in plain words: the therapist moved the caregiver's hands or body, or reminded them
        "repositioned him", "repositioned her", "repositioned his", "repositioned her hands", "moved her hands",
        "moved his hands", "reminder", "reminders", "re-cued", "recued", "re cued",
        # a weight-bearing restriction stated in words
        "no weight through", "no weight on",
        # why a therapist was needed, said in a letter or a summary: "which is why this required an occupational
        # therapist", "an individually designed plan", "I was extra careful with technique because of his fracture"
        "required a therapist", "required an occupational therapist", "required a physical therapist",
        "required a speech-language pathologist", "required a speech therapist", "individually designed",
        "individually set-up", "extra careful",
        # the same question answered under its heading in an after-visit summary ("Why an OT: she has low vision ...",
        # "Why it needed a PT: she has no feeling below her chest ...")
        "why a pt", "why an ot", "why an slp", "why a therapist", "why a physical therapist",
        "why an occupational therapist", "why a speech-language pathologist", "why a speech therapist",
        "why it needed a pt", "why it needed an ot", "why it needed an slp", "why it needed a therapist",
        "why you needed a therapist", "why you needed a speech-language pathologist",
    ),
    "SKILL_FUNCTIONAL": (
        "transfer", "transfers", "xfer", "xfers", "fww", "spt",
        "sit to stand", "sit-to-stand", "stand pivot", "stand-pivot", "bed mobility",
        "rolling",
        "gait", "ambulation", "ambulating", "walker", "rollator", "cane", "wheelchair", "w/c", "stairs", "curb",
        "car transfer", "tub transfer", "shower transfer", "toilet transfer", "adl", "adls", "iadl", "iadls",
        "bathing", "getting dressed", "dressing the patient", "upper body dressing", "lower body dressing",
        "lb dressing",
        "ub dressing", "toileting", "grooming", "hygiene", "self-feeding", "feeding", "swallow", "swallowing",
        "safe swallow", "chin tuck", "thickened liquids", "texture-modified", "pacing", "small bites", "oral care",
        "communication strategies", "communication", "aac", "communication board", "speech device", "word finding",
        "cueing hierarchy", "yes/no", "choices", "wait time", "alphabet board", "picture board", "gestures",
        "problem solving", "problem-solving", "memory strategies", "memory book", "home safety",
        "fall prevention", "safety practices", "positioning", "range of motion", "prom", "arom", "rom",
        # pediatric handling, and joint protection with adapted kitchen tools
        "stretches", "stretch holds", "tummy time", "tummy-time", "cruising", "carrying positions",
        "joint protection", "joint-protection", "built-up utensils", "adaptive utensils", "rocker knife",
        "jar opener", "one-handed cutting board",
        "stretching", "home exercise program", "hep", "exercise program", "splint", "brace", "orthosis", "hoyer",
        # putting on and caring for a prosthesis or orthosis is a functional skill (the limb's skin check is part of it)
        "prosthesis", "prosthetic", "liner donning", "sock ply", "sock-ply",
        "pin-lock", "pin lock", "afo", "afos",
        "mechanical lift", "gait belt", "transfer board", "slide board", "sliding board", "guarding",
        "meal preparation", "meal prep", "stove safety", "kitchen safety", "one-handed techniques",
        "one-handed technique",
        "medication management", "energy conservation", "adaptive equipment", "reacher", "sock aid", "shower chair",
        "tub bench", "bedside commode", "behavior management", "redirection", "routine", "visual schedule",
        "alternating solids", "alternate solids", "pocketing", "cheek check", "iddsi", "thickener", "thickening",
        "liquid consistency", "diet texture", "bite-sized", "upright posture", "meal set-up", "listener strategies",
        "speech strategies", "supported conversation", "text-to-speech", "log roll", "log-roll", "bed rail",
        "routines", "aided language", "language modeling", "aided language modeling", "speech-generating device",
        "sgd", "core words", "core vocabulary", "expectant waiting", "expansion", "communication temptations",
        # putting on a compression garment is dressing (an ADL), not clinical care
        "compression garment", "compression garments", "compression sleeve", "compression sleeves",
        "compression stocking", "compression stockings", "ted hose",
        # dressing named by its technique ("hemi-dressing technique", "one-handed dressing sequence"), and floor
        # recovery after a fall ("floor to chair recovery sequence", "getting up from floor")
        "hemi-dressing", "hemi dressing", "dressing technique", "dressing sequence", "one-handed dressing",
        "floor recovery", "floor to chair", "floor-to-chair", "fall recovery", "getting up from floor",
        "getting up from the floor", "floor transfer", "floor transfers",
        # movement strategies (Parkinson's freezing, turning)
        "freezing strategies", "freezing episodes", "safe turning", "turning strategies",
        # low-vision adaptations
        "tactile markings", "tactile markers", "liquid-level indicator", "liquid level indicator", "kettle tipper",
        "magnifier", "large print", "large-print", "contrast marking", "talking labels", "lighting",
        # a field cut's scanning and a caregiver's guiding ("scanning drills", "she practiced guiding from his L")
        "scanning", "visual scanning", "scanning drills", "scanning strategies", "sighted guide", "guiding",
        # oxygen and breathing at home (the patient's functional performance, not clinical care)
        "oxygen", "oxygen tank", "o2 tank", "o2 tubing", "oxygen tubing", "concentrator", "pulse oximeter",
        "pulse ox", "spo2", "pursed-lip breathing", "pursed lip breathing", "breathing techniques",
        # walking and turning cues (Parkinson carry-over), and a prosthesis
        "walking", "turning", "external cues", "visual cues", "auditory cues", "cueing strategies", "lsvt",
        "lsvt big", "lsvt loud", "prosthesis", "prosthetic", "liner", "sock ply", "shrinker", "residual limb",
        "donning", "doffing",
        # moving a dependent patient up in bed with a slide sheet is bed mobility (safe handling), not skin care
        "slide sheet", "slide sheets", "friction-reducing sheet", "boosted up in bed", "boost up in bed",
        "boosting up in bed", "boosting in bed",
    ),
    "SKILL_DIRECT_CARE": (
        "wound care", "wound-care", "pressure-injury", "pressure-ulcer", "skin-breakdown", "infection-control",
        "wound dressing", "dressing change", "dressing changes", "pressure injury", "pressure injuries",
        "pressure ulcer", "pressure ulcers", "decubitus", "skin breakdown", "skin checks", "skin inspection",
        "pressure relief", "infection control", "hand hygiene", "ostomy", "colostomy", "ileostomy", "stoma",
        "catheter care", "foley care", "tube feeding", "g-tube", "peg tube", "trach care", "tracheostomy care",
        "suctioning", "injection", "injections", "medication administration", "bolus feed", "bolus feeds",
        "bolus feeding", "enteral", "tube feeds", "tube-feeding", "site care", "gastrostomy", "turning schedule",
        "repositioning schedule", "pressure relief", "pressure-relief", "offloading", "heel offloading", "skin check",
        "skin checks", "bony prominences", "incontinence care", "peristomal", "pouch change", "wafer",
        "perineal care", "peri care", "clean technique", "sterile technique", "leg bag", "night bag", "drainage bag",
        "indwelling catheter", "urinary catheter", "catheter securement", "securement device",
        # bowel and bladder programs after spinal cord injury, and skin protection
        "bowel program", "bowel care", "bowel routine", "digital stimulation", "digital stim", "suppository",
        "suppository insertion", "intermittent catheterization", "straight cath", "straight catheterization",
        "barrier cream", "off-loading",
        # lymphedema care: compression bandaging and skin care to prevent cellulitis (care to reduce complications)
        "compression wrap", "compression wraps", "compression wrapping", "compression bandaging", "compression bandage",
        "compression bandages", "short-stretch", "multilayer bandaging", "multi-layer bandaging",
        "lymphedema bandaging",
        "compression garment", "compression garments", "compression program", "skin care", "skin-care",
        # pressure-injury prevention by turning and support surfaces
        "turning/positioning", "turning and positioning", "q2h turns", "turn q2h", "turns q2h", "low air-loss",
        "air mattress", "pressure-relief tilt", "weight shifts", "sitting protocol",
        # the same by schedule, tilt and heel floating ("turning every 2 hours, 30-degree tilt, heels floated"), in
        # the wheelchair ("wheelchair pressure relief": one direct-care skill, not a wheelchair skill beside it), and
        # infection control by hand washing
        "turning every 2 hours", "turn every 2 hours", "turns every 2 hours", "turned every 2 hours", "2-hourly turns",
        "30-degree tilt", "30 degree tilt", "heels floated", "float heels", "float the heels", "floating the heels",
        "heel floating", "pressure area", "pressure areas", "wheelchair pressure relief", "w/c pressure relief",
        "hand washing", "handwashing", "hand-washing", "incontinence cleansing",
        # a flowsheet's shorthand: "30 deg lateral tilt w/ wedges; floating heels; q2h turning log"
        "30 deg tilt", "30 deg lateral tilt", "30-degree lateral tilt", "30 degree lateral tilt", "floating heels",
        "q2h turning", "turning log", "incontinence skin care", "moisture skin care",
    ),
    "GENERAL_EDUCATION": (
        "handout", "handouts", "general education", "educational materials", "education materials", "written materials",
        "brochure", "pamphlet", "provided education", "discussed diagnosis", "reviewed diagnosis",
        "general information",
        "education on diagnosis", "discussed general", "general home safety", "answered questions",
        "answered all questions",
        "general safety", "reviewed handout", "general tips", "in general",
    ),
    "TEACHING": (
        "trained", "training", "instructed", "instruction", "taught", "teaching", "educated", "education",
        "demonstrated",
        # present-tense narration (a timestamped log: "08:31 partner trains on ...")
        "trains", "teaches", "instructs", "educates",
        "modeled", "coached", "practiced", "showed",
    ),
    "TELEHEALTH": (
        "telehealth", "tele-health", "telemedicine", "video visit", "virtual visit", "audio-video", "audio and video",
        "audio/video", "via video", "video call", "video conference", "videoconference", "zoom", "doxy.me", "doxy",
        "pos 02", "pos 10", "place of service 02", "place of service 10", "modifier 95", "synchronous video",
        "real-time video", "two-way video", "facetime", "teams video", "via teams", "audio-visual", "televideo",
        "telepractice", "tele-practice", "telerehab", "telerehabilitation", "on video", "by video", "video session",
        "tele-rehab", "tele-rehabilitation", "mod 95", "place of service: 02", "place of service: 10", "pos: 02",
        "pos: 10",
        "virtual session", "video cts", "video caregiver training", "video training", "tele-visit", "televisit",
    ),
    "AUDIO_ONLY": (
        "audio-only", "audio only", "telephone only", "phone only", "by phone", "by telephone", "via telephone",
        "via phone", "phone call", "telephone call", "over the phone",
    ),
    "PAID_CAREGIVER": (
        "home health aide", "home health aid", "hha", "cna", "certified nursing assistant", "nursing assistant",
        "private duty", "private-duty", "agency caregiver", "agency aide", "hired caregiver", "paid caregiver",
        "paid aide", "hired", "hired privately", "privately hired", "paid privately", "cnas", "aides",
        "home health aides", "hhas", "caregivers from an agency", "facility staff", "nursing staff", "staff member",
        "staff members", "pca", "personal care aide",
        "personal care attendant", "aide", "caregiver from an agency", "from an agency", "home care agency",
        "is paid", "paid by",
        "staff", "agency", "private caregiver", "paid helper", "companion aide", "caregiver agency", "home care aide",
        "group home staff", "alf staff", "snf staff", "nursing home staff", "direct support professional", "dsp",
        # pay said as what the caregiver receives: "the family provides room and board plus a weekly wage"
        "wage", "wages", "weekly wage", "hourly wage", "stipend", "salary", "paycheck",
        # school employees: "one-to-one paraprofessional assigned by the school district"
        "paraprofessional", "paraeducator", "teacher's aide", "teacher aide", "classroom aide", "school staff",
        # a child's paid carer, and a carer the family employs ("nanny, employed full-time by the family")
        "nanny", "nannies", "au pair", "employed by the family", "employed full-time by the family",
        "employed full time by the family", "employed by the patient",
        # a facility's or an agency's other care roles: "dining assistant", "direct care worker", "PSW"
        "dining assistant", "dining staff", "resident assistant", "direct care worker", "direct care staff",
        "personal support worker", "psw", "support worker", "care worker",
        # a state in-home care program's paid carer, often a relative: "she is his individual provider through the
        # state in-home care program" (paid status is about this patient, whatever else she does unpaid)
        "individual provider", "paid family caregiver",
    ),
    "RELATIONSHIP": (
        "wife", "husband", "spouse", "partner", "daughter", "son", "mother", "father", "mom", "dad", "parent",
        "parents",
        "grandmother", "grandfather", "brother-in-law", "sister-in-law", "mother-in-law", "father-in-law",
        "grandparent", "grandma", "grandpa", "sister", "brother", "sibling", "aunt",
        "uncle", "niece", "nephew", "granddaughter", "grandson", "daughter-in-law", "son-in-law", "friend", "neighbor",
        "neighbour", "fiance", "fiancé", "boyfriend", "girlfriend", "family member", "family caregiver", "stepdaughter",
        "stepson", "foster parent", "guardian", "cousin", "dtr", "dau", "husb", "poa", "health care proxy",
        "healthcare proxy", "significant other", "life partner", "roommate", "companion",
        # two of a kind trained together ("daughters Rehema and Zawadi")
        "daughters", "sons", "sisters", "brothers", "siblings", "grandparents", "granddaughters", "grandsons",
        "grandchildren", "nieces", "nephews", "friends", "neighbors", "neighbours", "cousins", "family members",
    ),
    "UNPAID": (
        "unpaid", "not paid", "volunteer", "volunteers", "volunteering", "family caregiver", "informal caregiver",
        "no pay", "without pay",
        "not compensated", "no payment",
        # a form's answer to "paid?" and the plural denials: "Paid caregiver: No", "None is paid"
        "paid caregiver: no", "paid caregiver : no", "paid caregiver? no", "paid: no", "paid? no", "paid caregiver: n",
        "none is paid", "none are paid", "neither is paid", "no one is paid", "nobody is paid", "none paid",
    ),
    "GROUP": (
        "group", "group caregiver training", "group session", "multiple sets of caregivers", "caregivers of",
        "families of", "multiple families", "several families",
    ),
    "OTHER_SERVICE": (
        # codes of same-day services come from knowledge/codes (extract.codes), not from this list
        "therapeutic activities", "therapeutic activity",
        "therapeutic exercise", "neuromuscular re-education", "self-care training", "patient-present",
        "patient present session", "treatment session with the patient", "direct treatment", "individual treatment",
        "pt treatment session", "patient treatment session", "treated patient", "treated pt",
        "evaluation of the patient",
        # the patient's own treatment named by what it is: "[1] Swallow tx w/ pt (mom watching) 09:00-09:30"
        "swallow tx", "swallowing tx", "swallow treatment", "swallowing treatment", "dysphagia tx",
        "dysphagia treatment", "feeding tx", "tx w/ pt", "tx with pt", "treatment w/ pt", "treatment with pt",
    ),
    "SLPA": (
        "slpa", "slp-a", "slp assistant", "speech-language pathology assistant", "speech language pathology assistant",
        "speech-language pathologist assistant", "speech therapy assistant",
    ),
}

# Common terms of notes written (partly) in Spanish, the most frequent other language of US clinical notes: the
# elements they document are found, not reported missing. Only words that are not also English words.
SPANISH: dict[str, tuple[str, ...]] = {
    "CONSENT": ("consentimiento", "consentimiento verbal", "consentimiento escrito", "consintió", "consiente",
                "autorizó", "autoriza"),
    "RELATIONSHIP": ("hija", "hijo", "esposa", "esposo", "madre", "padre", "hermana", "hermano", "nieta", "nieto",
                     "sobrina", "sobrino", "nuera", "yerno", "vecina", "vecino", "amiga", "amigo", "pareja",
                     "cuidadora", "cuidador", "cuidadora familiar", "cuidador familiar", "mamá", "papá"),
    "ABSENCE": ("no participó", "no participo", "sin paciente", "sin el paciente", "sin la paciente", "sin pt",
                "en otro cuarto", "en otra habitación", "no estaba en la llamada", "no estuvo en la llamada",
                "en la escuela", "en su programa de día", "en diálisis", "en su cita",
                "sin el niño", "sin la niña",
                # "(no vino hoy -- se quedo en casa con su hermana)"
                "no vino", "se quedó en casa", "se quedo en casa", "no asistió", "no asistio"),
    "PAID_CAREGIVER": ("cuidadora pagada", "cuidador pagado", "pagada por", "pagado por", "la contrataron",
                       "lo contrataron", "contratada por", "contratado por",
                       # "cuidadora de la agencia ...; la familia le paga por hora"
                       "de la agencia", "cuidadora de agencia", "cuidador de agencia", "le paga", "le pagan",
                       "paga por hora", "pagan por hora"),
    "GROUP": ("grupo de capacitación", "grupo de capacitacion", "grupo de cuidadores", "sesión grupal",
              "sesion grupal"),
    "UNPAID": ("no remunerada", "no remunerado", "sin remuneración", "sin pago", "no pagada", "no pagado"),
    # "Estrategias enseñadas: ...", "le enseñamos a Tobias a poner la silla a 45 grados"
    "TEACHING": ("enseñado", "ensenado", "enseñada", "ensenada", "enseñados", "ensenados", "enseñadas", "ensenadas",
                 "enseñamos", "ensenamos", "enseñé", "enseño", "capacitación", "capacitacion", "entrenamiento",
                 "entrenado", "entrenada", "practicamos"),
    "SKILL_FUNCTIONAL": ("transferencia", "transferencias", "alimentación", "alimentacion", "deglución", "deglucion",
                         "vestirse", "vestido", "cinturón de marcha", "cinturon de marcha", "tablero alfabético",
                         "tablero alfabetico", "utensilios adaptados", "cubiertos engrosados", "protector de plato",
                         "bocado pequeño", "bocado pequeno", "estrategias", "comunicación", "comunicacion",
                         "espesar", "silla de ruedas"),
    # "Demostracion de regreso: Graciela hizo la transferencia ..." (accents often dropped)
    "RETURN_DEMO": ("demostración de regreso", "demostracion de regreso", "demostracion de retorno",
                    "demostración de retorno", "hizo la demostración", "demostró la técnica", "repitió la técnica"),
    "GOAL": ("objetivo", "objetivos", "plan de cuidado", "plan de cuidados", "plan de tratamiento",
             "objetivo del plan de cuidado"),
    "NEED": ("necesidad", "necesita", "requiere", "requiere asistencia", "asistencia moderada", "asistencia máxima",
             "asistencia mínima", "riesgo de caída", "riesgo de caídas", "disfagia", "dependiente"),
    "SKILLED": ("corrección", "correcciones", "corregí", "retroalimentación", "precauciones", "riesgo de aspiración",
                "señales táctiles", "indicaciones verbales"),
}
for _label, _terms in SPANISH.items():
    CONCEPTS[_label] = CONCEPTS[_label] + _terms

# Preceding/following negation cues added to negspacy's clinical termset (why: its defaults
# miss "unable to", "did not", "not obtained" and note-style "deferred").
EXTRA_PRECEDING = ("did not", "not", "no", "never", "refused", "refuses", "declined", "declines", "without", "w/o",
    "unable to obtain", "neither", "nor", "none of the", "none of",
                   "not able to", "was not able to", "wasn't able to", "could not", "couldn't")
EXTRA_FOLLOWING = (
    "not obtained", "not documented", "not given", "not performed", "not done", "not completed", "not attempted",
    "deferred", "declined", "refused", "withheld", "not on file", "pending", "not yet obtained", "was not obtained",
    "not assessed", "not", "n/a", "none",
)
# ")" closes a bracketed negation: "(pt not present) - neighbor Rosa" names the caregiver
EXTRA_TERMINATION = (",", ";", ")", "and", "then", "while", "who", "whereas", "so", "after", "before", "since",
                     "because", "period", "comma", "paragraph", "colon")

# Words a negation cue right before them negates on their own ("she is not paid", "he was not here",
# "gets no pay"): such a cue says nothing about a consent later in an unpunctuated dictated sentence.
PREDICATE_NEGATED = frozenset(
    {"paid", "pay", "payment", "here", "there", "present", "home", "part", "participating", "attending", "available"}
)

# Return demonstration: a failed or cued attempt still counts as documented, so "unable to",
# "could not" and "did not (correctly)" do not negate it; only "not done" style cues do.
RD_PRECEDING = ("no", "without", "not", "deferred", "declined", "refused", "w/o", "did not attempt",
    "did not complete", "not able to complete")
RD_FOLLOWING = (
    "not performed", "not done", "not completed", "not attempted", "deferred", "not assessed", "to be completed",
    "next session", "next visit", "not today", "not observed", "n/a", "declined", "refused", "not",
)

# Screening (screen.py): words without which a family of patterns cannot match, checked on the
# note's word set so most notes skip the scan.
ADDRESSEE_WORDS = frozenset(
    {
        "ai",
        "llm",
        "gpt",
        "chatgpt",
        "chat",
        "claude",
        "copilot",
        "gemini",
        "chatbot",
        "bot",
        "model",
        "tool",
        "system",
        "validator",
        "checker",
        "grader",
        "appeal",
        "appealwriter",
        "automated",
        "reviewer",
        "auditor",
        "coder",
        "assistant",
        "scribe",
        # "Note to whoever writes the appeal", "Message for the person drafting the letter"
        "whoever",
        "letter",
        # in Spanish: "Nota para el sistema de IA", "inteligencia artificial"
        "ia",
        "sistema",
        "inteligencia",
    }
)
IMPERATIVE_WORDS = frozenset(
    {
        "ignore",
        "disregard",
        "override",
        "bypass",
        "met",
        "passed",
        "compliant",
        "satisfied",
        "billable",
        "licensed",
        "unpaid",
        "apply",
        "you",
        "prompt",
        "flag",
    }
)
FORM_WORDS = frozenset({
    "document", "describe", "enter", "list", "indicate", "specify", "select", "choose", "record", "include", "insert",
    "type", "fill", "check", "note", "state",
})
CHECKLIST_WORDS = frozenset({
    "documentation", "required", "checklist", "document", "elements", "must", "should", "remember", "sure", "forget",
    "describe", "include", "record", "list", "indicate", "ensure", "pasted", "item",
})
GUIDELINE_WORDS = frozenset(
    {
        "cms",
        "medicare",
        "cpt",
        "ama",
        "descriptor",
        "guideline",
        "guidelines",
        "reference",
        "policy",
        "strategies",
        "face",
        "requires",
        "require",
        "mac",
        "lcd",
        "mbpm",
        "code",
        "codes",
    }
)

# Places that put the patient somewhere other than the training (whereabouts.py): "at his day program",
# "in the hospital lab", "Pt @ HD", "drove him to his eye appointment". Not the session's own rooms
# (gym, treatment room, kitchen) and not "home", which is where home-visit training happens.
AWAY_PLACES = (
    "appointment", "appointments", "appt", "appts", "class", "classes", "classroom", "school", "pre-k", "prek",
    "preschool", "kindergarten", "daycare", "day care", "program", "day program", "dialysis", "hd", "hemodialysis",
    "center", "centre", "ctr", "clinic", "lab", "labs", "laboratory", "imaging", "x-ray", "xray", "mri", "ct scan",
    "ultrasound", "infusion", "infusion suite", "chemo", "chemotherapy", "radiation", "hyperbaric", "surgery",
    "procedure", "hospital", "emergency room", "pcp", "doctor", "physician", "dentist", "eye doctor",
    "follow-up", "follow up", "f/u", "church", "mass", "temple", "synagogue", "mosque", "work", "job", "shift",
    "volunteer shift", "library", "salon", "hair salon", "hairdresser", "barber", "barbershop", "store", "shopping",
    "errands", "lunch", "breakfast", "dinner", "cafeteria", "cafe", "café", "dining room", "garden", "yard",
    "respite", "cardiac rehab", "pulmonary rehab", "day health", "memory care", "habilitation", "senior center",
    "adult day", "camp", "lobby", "waiting room", "wound center", "neuro clinic",
    "ortho", "orthopedic", "orthopaedic", "podiatrist", "cardiologist", "neurologist", "oncology",
    "check-up", "checkup", "check up", "house", "childcare", "child care", "playroom",
    # away outdoors or in a vehicle: "pt resting in the car for this part", "Pt was out at the barn"
    "car", "van", "barn", "pasture", "stable",
    # a specialty's clinic, by its name: "at her podiatry visit", "pt at cardiology"
    "podiatry", "cardiology", "neurology", "dermatology", "urology", "audiology", "optometry", "ophthalmology",
    "dental",
    # a test the patient went for: "pt had gone to get her DEXA scan downstairs"; "drove him into town"
    "scan", "dexa", "bone density", "blood draw", "bloodwork", "town",
    # a facility's own rooms and pastimes, and a haircut: "Resident was at bingo in the activity room"
    "bingo", "activity room", "activities", "chapel", "beauty shop", "haircut", "hair cut",
    # a group of the patient's own: "at his stroke support group", "at her weekly low-vision group" (whereabouts.py
    # keeps a training's own "group session" out)
    "group",
    # the patient's own session with another discipline: "Rosalind in speech, not in my room"
    "speech", "speech therapy",
    # a study or a therapy of the patient's own elsewhere: "at his swallow study at Eastgate Imaging", "was at her
    # hand therapy at the burn center"
    "study", "swallow study", "sleep study", "hand therapy", "aquatic therapy", "pool therapy", "burn center",
)
