"""Cited indicator registry: models, loading, validation, queries. No UI here."""

from indicators.loader import default_data_dir, load_registry, read_registry, validate
from indicators.problems import Problem, RegistryError
from indicators.registry import Registry

__all__ = ["Problem", "Registry", "RegistryError", "default_data_dir", "load_registry", "read_registry", "validate"]
