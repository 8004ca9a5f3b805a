"""The house's rules, checked on the code itself (read with ast, nothing run): small modules, short
functions, no import cycles, and the packages layered one way - languages under timeline and maps,
those under the joining package eventmap."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("languages", "timeline", "maps", "eventmap")
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 60
# What each package may import from the others: data flows article -> mentions -> events -> outputs.
MAY_IMPORT = {"languages": set(), "timeline": {"languages"}, "maps": {"languages"},
              "eventmap": {"languages", "timeline", "maps"}}


def modules():
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            yield name.removesuffix(".__init__"), path, ast.parse(path.read_text(encoding="utf-8"))


def imports_of(name: str, path: Path, tree: ast.AST) -> set[str]:
    """The project modules a module imports (``from a.b import c`` counts a.b.c when that is a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            out.add(base)
            out |= {f"{base}.{a.name}" for a in node.names}
    return {m for m in out if m.split(".")[0] in PACKAGES}


def test_no_module_is_longer_than_a_few_hundred_lines():
    long = [f"{name}: {len(path.read_text().splitlines())}" for name, path, _ in modules()
            if len(path.read_text().splitlines()) > MAX_MODULE_LINES]
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_every_function_fits_on_one_screen():
    long = [f"{name}.{n.name}: {n.end_lineno - n.lineno + 1}" for name, _, tree in modules() for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, f"functions over {MAX_FUNCTION_LINES} lines: {long}"


def test_packages_import_only_the_layers_below_them():
    wrong = []
    for name, path, tree in modules():
        own = name.split(".")[0]
        for target in imports_of(name, path, tree):
            other = target.split(".")[0]
            if other != own and other not in MAY_IMPORT[own]:
                wrong.append(f"{name} imports {target}")
    assert not wrong, wrong


def test_no_import_cycles_between_modules():
    graph = {}
    for name, path, tree in modules():
        graph[name] = imports_of(name, path, tree)
    known = set(graph)
    graph = {m: {t for t in ts if t in known and t != m} for m, ts in graph.items()}
    cycle = _find_cycle(graph)
    assert cycle is None, " -> ".join(cycle)


def _find_cycle(graph: dict[str, set[str]]):
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt.startswith(node + "."):
                continue    # a package importing its own submodules is not a cycle
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = "done"
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None
