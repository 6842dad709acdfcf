"""The techniques stage: SemEval-2020 Task 11 persuasion techniques (see stage.py)."""

from .info import TECHNIQUE_INFO, TECHNIQUES
from .stage import TechniqueModel, TechniqueStage, make_technique_stage

__all__ = ["TECHNIQUES", "TECHNIQUE_INFO", "TechniqueModel", "TechniqueStage",
           "make_technique_stage"]
