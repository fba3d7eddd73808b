#!/usr/bin/env python3
"""Static checks of the costwise notebook, for what a local run cannot exercise.

1. The committed notebook has no outputs and no execution counts (outputs are cleared).
2. Every code cell parses on its own, as Jupyter runs it.
3. Every use of the SageMaker Python SDK matches the SDK v2 API: imported names exist in their
   modules, keyword arguments are parameters of the callable, methods and attributes exist on the
   object, and none of v1's removed names (image_name, train_instance_*, s3_input...) appears.
   The API comes from sagemaker_sdk_v2_api.json, extracted from the SDK's own source (see its
   "source" entry), since the SDK itself cannot be installed where CI runs.

Usage: check_notebook.py NOTEBOOK.ipynb   (exit code 1 and one line per problem if any)
"""
import ast
import json
import sys
from pathlib import Path

MANIFEST_FILE = Path(__file__).with_name("sagemaker_sdk_v2_api.json")

# What a call returns, where later lines use the result (e.g. predictor = estimator.deploy(...)).
RETURNS = {
    "sagemaker.estimator.Estimator.deploy": "sagemaker.predictor.Predictor",
    "sagemaker.estimator.Estimator.transformer": "sagemaker.transformer.Transformer",
}


class Manifest:
    def __init__(self, data):
        self.modules = {m: set(names) for m, names in data["modules"].items()}
        self.callables = {c: set(params) for c, params in data["callables"].items()}
        self.attributes = {c: set(names) for c, names in data["attributes"].items()}
        self.accepts_kwargs = set(data.get("accepts_kwargs", []))
        self.removed = set()
        for value in data.get("removed_in_v2", {}).values():
            if isinstance(value, list):
                self.removed.update(value)
        self.removed.update(n for n in data.get("removed_in_v2", {}) if "." not in n and n[0].islower())
        # Names a module re-exports from a submodule, e.g. sagemaker.Session.
        self.reexports = data.get("reexports", {})

    def qualify(self, module, name):
        """The full name of `name` imported from `module`, following re-exports."""
        return self.reexports.get(f"{module}.{name}", f"{module}.{name}")

    @classmethod
    def load(cls, path=MANIFEST_FILE):
        return cls(json.loads(Path(path).read_text()))


class SdkUsage(ast.NodeVisitor):
    """Follows SageMaker SDK objects through simple assignments and checks each use."""

    def __init__(self, manifest):
        self.manifest = manifest
        self.names = {}  # local name -> qualified SDK name (module, class or function)
        self.types = {}  # local variable -> qualified class of the object it holds
        self.element_types = {}  # dict/list variable -> class of its elements
        self.problems = []
        self.where = ""

    def problem(self, node, message):
        self.problems.append(f"{self.where}line {getattr(node, 'lineno', '?')}: {message}")

    # imports
    def visit_Import(self, node):
        for alias in node.names:
            if alias.name == "sagemaker" or alias.name.startswith("sagemaker."):
                if alias.name not in self.manifest.modules:
                    self.problem(node, f"module {alias.name} is not part of the SDK v2 API")
                self.names[alias.asname or alias.name] = alias.name

    def visit_ImportFrom(self, node):
        module = node.module or ""
        if module != "sagemaker" and not module.startswith("sagemaker."):
            return
        known = self.manifest.modules.get(module)
        for alias in node.names:
            if known is None:
                self.problem(node, f"module {module} is not part of the SDK v2 API")
            elif alias.name not in known:
                self.problem(node, f"{module} has no {alias.name} in SDK v2")
            self.names[alias.asname or alias.name] = self.manifest.qualify(module, alias.name)

    # what expressions hold
    def resolve(self, node):
        """The qualified SDK name an expression refers to (a class, function or module), if any."""
        if isinstance(node, ast.Name):
            return self.names.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value)
            if base in self.manifest.modules:
                if node.attr not in self.manifest.modules[base]:
                    self.problem(node, f"{base} has no {node.attr} in SDK v2")
                return self.manifest.qualify(base, node.attr)
            if base is not None:
                return f"{base}.{node.attr}"
        return None

    def type_of(self, node):
        """The SDK class of the object an expression evaluates to, if known."""
        if isinstance(node, ast.Name):
            return self.types.get(node.id)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            return self.element_types.get(node.value.id)
        if isinstance(node, ast.Call):
            target = self.callable_name(node.func)
            if target in self.manifest.callables and target.rsplit(".", 1)[-1][:1].isupper():
                return target  # a constructor
            return RETURNS.get(target)
        return None

    def callable_name(self, func):
        if isinstance(func, ast.Attribute):
            owner = self.type_of(func.value)
            if owner is not None:
                return f"{owner}.{func.attr}"
        return self.resolve(func)

    # assignments
    def visit_Assign(self, node):
        self.generic_visit(node)
        value_type = self.type_of(node.value)
        for target in node.targets:
            if isinstance(target, ast.Name):
                if value_type:
                    self.types[target.id] = value_type
                else:
                    self.types.pop(target.id, None)
            elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and value_type:
                self.element_types[target.value.id] = value_type

    def visit_For(self, node):
        # for name, estimator in estimators.items(): ...
        iterated = node.iter
        if (
            isinstance(iterated, ast.Call)
            and isinstance(iterated.func, ast.Attribute)
            and iterated.func.attr in ("items", "values")
            and isinstance(iterated.func.value, ast.Name)
        ):
            element = self.element_types.get(iterated.func.value.id)
            target = node.target
            if element and isinstance(target, ast.Tuple) and iterated.func.attr == "items":
                target = target.elts[-1]
            if element and isinstance(target, ast.Name):
                self.types[target.id] = element
        self.generic_visit(node)

    # uses
    def visit_Attribute(self, node):
        if node.attr in self.manifest.removed:
            self.problem(node, f"{node.attr} was removed in SDK v2")
        owner = self.type_of(node.value)
        if owner is not None and owner in self.manifest.attributes:
            if node.attr not in self.manifest.attributes[owner]:
                self.problem(node, f"{owner} has no attribute {node.attr} in SDK v2")
        self.generic_visit(node)

    def visit_Call(self, node):
        target = self.callable_name(node.func)
        if target is not None and (target.startswith("sagemaker.") or target == "sagemaker"):
            for keyword in node.keywords:
                if keyword.arg is None:
                    continue
                if keyword.arg in self.manifest.removed:
                    self.problem(node, f"{target}({keyword.arg}=...): {keyword.arg} was removed in SDK v2")
                elif target in self.manifest.callables:
                    if keyword.arg not in self.manifest.callables[target] and target not in self.manifest.accepts_kwargs:
                        self.problem(node, f"{target} takes no keyword {keyword.arg} in SDK v2")
        self.generic_visit(node)


def check(notebook, manifest):
    problems = []
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count") is not None):
            problems.append(f"cell {index}: outputs are not cleared")
    usage = SdkUsage(manifest)
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        usage.where = f"cell {index}, "
        try:
            tree = ast.parse(source)
        except SyntaxError as error:
            problems.append(f"cell {index}, line {error.lineno}: {error.msg}")
            continue
        usage.visit(tree)
    return problems + usage.problems


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    problems = check(json.loads(Path(argv[1]).read_text()), Manifest.load())
    for problem in problems:
        print(f"{argv[1]}: {problem}")
    if not problems:
        print(f"{argv[1]}: outputs cleared; every cell parses; SageMaker SDK v2 API use checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
