"""borderdash: China's land border areas, their projects and the policy measures that apply there."""

__version__ = "0.1.0"
