"""ASE calculator for Moment Tensor Potentials evaluated by mtpj (docs/ase.md).

    from mtpj_ase import MtpjCalculator
    atoms.calc = MtpjCalculator(pot="pot.mtp", species=["Mg", "V", "O"])
"""
from .calculator import MtpjCalculator
from .serve import MtpjServeError, ServeProcess

__all__ = ["MtpjCalculator", "MtpjServeError", "ServeProcess"]
