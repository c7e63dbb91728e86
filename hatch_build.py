"""Compile the gettext catalogs into .mo files when a wheel is built."""
import runpy
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):
    """Runs translations/compile.py before the wheel is assembled."""

    def initialize(self, version, build_data):
        script = Path(self.root, "translations", "compile.py")
        runpy.run_path(str(script))["compile_catalogs"](Path(self.root))
