"""Cited indicator registry: models, loading, validation, queries. No UI here."""

from indicators.loader import load_registry, read_registry
from indicators.paths import default_data_dir
from indicators.problems import Problem, RegistryError
from indicators.registry import Registry

__all__ = ["Problem", "Registry", "RegistryError", "default_data_dir", "load_registry", "read_registry"]
