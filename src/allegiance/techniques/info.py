"""The 14 techniques of SemEval-2020 Task 11 with the colour and one-line gloss the report shows."""

from __future__ import annotations

from typing import TypedDict


class TechniqueInfo(TypedDict):
    colour: str
    explanation: str


#: Canonical label order (as spelled in the PTC label files); the model's outputs follow it.
TECHNIQUES: tuple[str, ...] = (
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Doubt",
    "Exaggeration,Minimisation",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
    "Causal_Oversimplification",
    "Appeal_to_Authority",
    "Slogans",
    "Black-and-White_Fallacy",
    "Whataboutism,Straw_Men,Red_Herring",
    "Thought-terminating_Cliches",
    "Bandwagon,Reductio_ad_hitlerum",
)

# Glosses follow the definitions of Da San Martino et al. (EMNLP 2019), shortened to one line.
TECHNIQUE_INFO: dict[str, TechniqueInfo] = {
    "Loaded_Language": {
        "colour": "#e6194b",
        "explanation": "Words with strong emotional connotations used to sway the reader.",
    },
    "Name_Calling,Labeling": {
        "colour": "#f58231",
        "explanation": "Labelling a person or group as something the audience fears, hates or "
                       "loves.",
    },
    "Repetition": {
        "colour": "#ffe119",
        "explanation": "Repeating the same message over and over so the audience accepts it.",
    },
    "Doubt": {
        "colour": "#bfef45",
        "explanation": "Questioning the credibility of someone or something.",
    },
    "Exaggeration,Minimisation": {
        "colour": "#3cb44b",
        "explanation": "Representing something as much better/worse, larger/smaller than it "
                       "really is.",
    },
    "Appeal_to_fear-prejudice": {
        "colour": "#42d4f4",
        "explanation": "Building support for an idea by instilling fear or prejudice towards "
                       "an alternative.",
    },
    "Flag-Waving": {
        "colour": "#4363d8",
        "explanation": "Playing on patriotism or group identity to justify or promote an idea.",
    },
    "Causal_Oversimplification": {
        "colour": "#911eb4",
        "explanation": "Assuming a single cause for an issue that has many causes.",
    },
    "Appeal_to_Authority": {
        "colour": "#f032e6",
        "explanation": "Claiming something is true because an authority or expert said so.",
    },
    "Slogans": {
        "colour": "#a9a9a9",
        "explanation": "A brief, striking phrase that may include labelling and stereotyping.",
    },
    "Black-and-White_Fallacy": {
        "colour": "#800000",
        "explanation": "Presenting two alternatives as the only possibilities.",
    },
    "Whataboutism,Straw_Men,Red_Herring": {
        "colour": "#9a6324",
        "explanation": "Deflecting: charging the opponent with hypocrisy, refuting a distorted "
                       "version of their position, or changing the subject.",
    },
    "Thought-terminating_Cliches": {
        "colour": "#469990",
        "explanation": "A short stock phrase that discourages critical thought and debate.",
    },
    "Bandwagon,Reductio_ad_hitlerum": {
        "colour": "#000075",
        "explanation": "Urging to join in because 'everyone does', or rejecting an idea because "
                       "a hated group holds it.",
    },
}
