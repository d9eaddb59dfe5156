"""sitreport: turn conflict news into a sourced, cross-checked event ledger."""

__version__ = "0.1.0"
