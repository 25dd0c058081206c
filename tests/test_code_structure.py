"""The shape of the code: no import cycles, and no app module too long to read in one sitting.

Imports are read from the source with `ast`, not from a running site, so an import made inside
a function (the usual way to hide a cycle) counts like any other. `from package import name`
is an import of the submodule when `name` is one; a module's parent packages, which Python
imports first anyway, are not counted as its imports. Migrations are left out: they are
frozen history, and Django loads them on its own.
"""

import ast
from pathlib import Path

import scr_site

PACKAGE = Path(scr_site.__file__).parent
LONGEST = 300
# The project's settings file is one flat list of settings, not an app module (see STYLE.md).
NOT_APP_MODULES = {PACKAGE / "settings.py"}


def source_files(package):
    return sorted(path for path in package.rglob("*.py") if "migrations" not in path.parts)


def module_names(package):
    """{dotted module name: (path, is a package)} for every module under `package`."""
    found = {}
    for path in source_files(package):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _known(name, modules):
    """The module `name` is, or is inside (a class or function imported from it); None if not ours."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(name, path, is_package, modules):
    """Every module of ours that `name` imports, anywhere in its source."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {_known(alias.name, modules) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.add(submodule if submodule in modules else _known(source, modules))
    return found - {None, name}


def import_graph(package):
    modules = module_names(package)
    return {name: imports_of(name, path, is_package, modules) for name, (path, is_package) in modules.items()}


def cycles(graph):
    """Each group of modules that import one another, as one cycle through it: [[a, b, a]]."""
    order, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(module):
        # Tarjan's strongly connected components.
        order[module] = low[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph[module]):
            if imported not in order:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], order[imported])
        if low[module] == order[module]:
            group, member = set(), None
            while member != module:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
            if len(group) > 1:
                groups.append(group)

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return [_one_cycle(graph, group) for group in groups]


def _one_cycle(graph, group):
    """A path from the group's first module back to itself through the group."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        module = queue.pop(0)
        for imported in sorted(graph[module] & group):
            if imported == start:
                return [*paths[module], start]
            if imported not in paths:
                paths[imported] = [*paths[module], imported]
                queue.append(imported)
    raise AssertionError(f"no cycle through {group}")


def test_no_modules_import_each_other_even_inside_functions():
    found = cycles(import_graph(PACKAGE))

    assert not found, "Import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in found)


def test_no_app_module_is_over_300_lines():
    long = {
        str(path.relative_to(PACKAGE.parent)): length
        for path in source_files(PACKAGE)
        if path not in NOT_APP_MODULES
        and (length := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST
    }

    assert not long, f"Over {LONGEST} lines: split each by what it does: {long}"


def test_the_cycle_check_sees_imports_inside_functions_and_relative_ones(tmp_path):
    # The checks above pass on the site; this shows they would fail if a cycle came back.
    package = tmp_path / "mysite"
    (package / "app").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "app" / "__init__.py").write_text("")
    (package / "paths.py").write_text("def reserved():\n    from mysite.app import models\n")
    (package / "app" / "models.py").write_text("from ..paths import reserved\nfrom . import other\n")
    (package / "app" / "other.py").write_text("")

    graph = import_graph(package)

    assert graph["mysite.app.models"] == {"mysite.paths", "mysite.app.other"}
    assert cycles(graph) == [["mysite.app.models", "mysite.paths", "mysite.app.models"]]
