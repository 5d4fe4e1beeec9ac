"""``exoreview report``: every notebook for every parameter set, into ``reports/``.

The run, in order:

1. read and check every parameter set (:mod:`exoreview.params`) and every
   notebook's ``parameters`` cell, and that the Jupyter kernel exists, before
   anything runs;
2. start ``jobs`` worker processes, each with one warm kernel (see
   :class:`KernelRunner`), and meanwhile extract each corpus once
   (:func:`exoreview.load_corpus` caches by content hash, so the kernels'
   own ``load_corpus`` calls only read the cache);
3. run the (parameter set, notebook) pairs on the workers with papermill,
   the kernel's namespace reset before every notebook, and export each
   executed notebook to HTML with its code hidden;
4. write ``index.html`` with the provenance of every report;
5. swap the new tree in for ``out`` only when all of that succeeded. A failed
   notebook leaves the previous ``out`` untouched and raises
   :class:`~exoreview.errors.ReportError` with one line naming the notebook,
   the parameter set and the error.

Layout of ``out``: ``index.html`` and, per parameter set, ``<set>/params.yaml``,
``<set>/NN_name.ipynb`` (executed), ``<set>/NN_name.html``,
``<set>/figures/*.png|svg`` and ``<set>/tables/*.csv``.
"""
from __future__ import annotations

import html
import multiprocessing as mp
import os
import queue
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

import yaml

from . import __version__
from .errors import ExoreviewError, ParamsError, ReportError
from .outdir import check_replaceable, swap_in
from .params import check_notebooks, load_params, notebook_parameters

KERNEL_NAME = "exoreview"
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
RESET_TAG = "exoreview-reset"
# Run first in the warm kernel: forget the previous notebook's variables, restart the
# cell counter, and go back to the notebooks folder. Modules (pandas, matplotlib,
# exoreview and its corpus cache) stay imported: that is the point of keeping the kernel.
RESET_SOURCE = (
    "get_ipython().reset(new_session=True)\n"
    "import os as _os; _os.chdir({cwd!r}); del _os\n"
    "get_ipython().execution_count = 1"
)

# The lab template minus everything fetched from the network (require.js, MathJax,
# mermaid): reports must open offline without a console error. Plus a link back to the index.
HTML_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style type="text/css">
nav.exoreview { font-family: var(--jp-ui-font-family); font-size: 13px; padding: 8px 16px;
  border-bottom: 1px solid #ddd; }
.jp-RenderedHTMLCommon table.dataframe td { max-width: 48em; white-space: normal; }
.jp-RenderedHTMLCommon table.dataframe td, .jp-RenderedHTMLCommon table.dataframe th { text-align: left; }
</style>
{%- endblock extra_css -%}
{%- block body_header -%}
{{ super() }}
<nav class="exoreview"><a href="../index.html">All reports</a> &middot;
parameter set <strong>{{ resources.exoreview.set_title | e }}</strong>
({{ resources.exoreview.set_name | e }}) &middot; exoreview {{ resources.exoreview.version | e }}</nav>
{%- endblock body_header -%}
"""


# ---------------------------------------------------------------------------- locations

def _package_root() -> Path:
    """The repository holding this package (src/exoreview/ -> repo) for an editable install."""
    return Path(__file__).resolve().parents[2]


def default_path(relative: str) -> Path:
    """``relative`` under the working directory if it exists there, else under the repository."""
    here = Path.cwd() / relative
    if here.exists():
        return here
    repo = _package_root() / relative
    return repo if repo.exists() else here


def find_notebooks(notebooks_dir: Path) -> list[Path]:
    """The report's notebooks: ``NN_name.ipynb`` files of the folder, in name order."""
    return sorted(p for p in Path(notebooks_dir).glob(NOTEBOOK_GLOB) if p.is_file())


def check_kernel(kernel_name: str) -> None:
    """Raise a one-line ReportError when the Jupyter kernel is not installed."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        raise ReportError(f"Jupyter kernel {kernel_name!r} is not installed; run `make report`, or "
                          f"`python -m ipykernel install --sys-prefix --name {kernel_name}` "
                          "in this environment") from None


# ---------------------------------------------------------------------------- one worker

WARM_ENGINE = "exoreview-warm-kernel"
_engine_registered = False


def _register_warm_engine() -> None:
    """Register a papermill engine that executes in a given, already running kernel client.

    papermill's own engine hands ``km`` to nbclient but nbclient always makes a
    new kernel client (and waits for it to be ready, 0.2 s a notebook, leaking
    its sockets); this engine reuses the worker's client instead.
    """
    global _engine_registered
    if _engine_registered:
        return
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines
    from papermill.log import logger

    class WarmKernelEngine(NBClientEngine):
        """nbclient engine running in the ``km``/``kc`` passed by :class:`KernelRunner`."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None,
                                     km=None, kc=None, **kwargs):
            client = PapermillNotebookClient(nb_man, km=km, kernel_name=kernel_name,
                                             timeout=execution_timeout, startup_timeout=start_timeout,
                                             log=logger, log_output=log_output,
                                             stdout_file=stdout_file, stderr_file=stderr_file)
            client.kc = kc
            return client.execute()

    papermill_engines.register(WARM_ENGINE, WarmKernelEngine)
    _engine_registered = True


class KernelRunner:
    """Runs notebooks one after another in one warm kernel, and exports each to HTML.

    Starting a kernel and importing pandas, matplotlib and exoreview costs
    more than most notebooks; a worker pays it once. Before every notebook a
    first cell (removed from the saved notebook) clears the user namespace
    and restarts the execution counter, so no variable leaks from one
    notebook into the next. nbval still runs each notebook in a fresh kernel.
    The kernel talks over Unix sockets in a private folder (no TCP port).
    """

    def __init__(self, kernel_name: str, cwd: Path):
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self.cwd = Path(cwd)
        self.kernel_name = kernel_name
        self._sockets = tempfile.mkdtemp(prefix="exoreview-kernel-")
        self.km = AsyncKernelManager(kernel_name=kernel_name, transport="ipc",
                                     ip=os.path.join(self._sockets, "kernel"))
        env = dict(os.environ, PYDEVD_DISABLE_FILE_VALIDATION="1")
        # history in memory, as nbclient does: no writes to ~/.ipython, a fresh session per notebook
        self.kc = None
        self._exporter = None
        try:
            run_sync(self.km.start_kernel)(cwd=str(self.cwd), env=env,
                                           extra_arguments=["--HistoryManager.hist_file=:memory:"])
            self.kc = self.km.client()
            self.kc.start_channels()
            run_sync(self.kc.wait_for_ready)(timeout=60)
        except BaseException:
            self.close()
            raise

    def warm_up(self, code: str) -> None:
        """Run ``code`` once (imports), so the first notebook does not pay for them."""
        import nbformat

        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
        nb.metadata["kernelspec"] = {"name": self.kernel_name, "display_name": self.kernel_name,
                                     "language": "python"}
        self._run(nb, None)

    def _run(self, nb, parameters: dict | None):
        import papermill

        _register_warm_engine()
        return papermill.execute_notebook(nb, None, parameters=parameters, engine_name=WARM_ENGINE,
                                          kernel_name=self.kernel_name, progress_bar=False,
                                          request_save_on_cell_execute=False, cwd=str(self.cwd),
                                          km=self.km, kc=self.kc)

    def execute(self, notebook: Path, parameters: dict):
        """Execute one notebook with papermill in the warm kernel; return the executed NotebookNode."""
        import nbformat

        nb = nbformat.read(notebook, as_version=4)
        reset = nbformat.v4.new_code_cell(RESET_SOURCE.format(cwd=str(self.cwd)))
        reset.metadata["tags"] = [RESET_TAG]
        nb.cells.insert(0, reset)
        nb = self._run(nb, parameters)
        nb.cells = [c for c in nb.cells if RESET_TAG not in c.get("metadata", {}).get("tags", [])]
        nb.metadata.get("papermill", {})["input_path"] = str(notebook)
        return nb

    def to_html(self, nb, title: str, extra: dict) -> str:
        """The executed notebook as a standalone HTML page: outputs only, no code, nothing remote."""
        if self._exporter is None:
            from jinja2 import DictLoader
            from nbconvert import HTMLExporter

            self._exporter = HTMLExporter(
                extra_loaders=[DictLoader({"exoreview.html.j2": HTML_TEMPLATE})],
                template_name="lab", template_file="exoreview.html.j2",
                exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
        body, _ = self._exporter.from_notebook_node(nb, resources={"metadata": {"name": title},
                                                                   "exoreview": extra})
        return body

    def close(self) -> None:
        """Stop the kernel and remove its socket folder."""
        from jupyter_core.utils import run_sync

        try:
            if self.kc is not None:
                self.kc.stop_channels()
            if self.km.has_kernel:
                run_sync(self.km.shutdown_kernel)(now=False)
        finally:
            shutil.rmtree(self._sockets, ignore_errors=True)


def _relocate(nb, tmp_root: str, final_root: str) -> None:
    """Point the injected output_dir and papermill's metadata at the final folder, not the build folder."""
    for cell in nb.cells:
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell.source = cell.source.replace(tmp_root, final_root)
    meta = nb.metadata.get("papermill", {})
    params = meta.get("parameters", {})
    if isinstance(params.get("output_dir"), str):
        params["output_dir"] = params["output_dir"].replace(tmp_root, final_root)
    if isinstance(meta.get("output_path"), str):
        meta["output_path"] = meta["output_path"].replace(tmp_root, final_root)


def _failure(exc: BaseException) -> str:
    """``ename: evalue`` of a failed cell, or the exception's type and first line."""
    ename = getattr(exc, "ename", None) or type(exc).__name__
    evalue = getattr(exc, "evalue", None)
    evalue = str(exc) if evalue is None else str(evalue)
    first = evalue.strip().splitlines()[0] if evalue.strip() else ""
    if len(first) > 300:
        first = first[:297] + "..."
    return f"{ename}: {first}" if first else ename


def _run_task(runner: KernelRunner, task: dict) -> None:
    import nbformat

    nb = runner.execute(Path(task["notebook"]), task["parameters"])
    _relocate(nb, task["tmp_root"], task["final_root"])
    out = Path(task["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out / f"{task['stem']}.ipynb")
    extra = {"set_name": task["set_name"], "set_title": task["set_title"], "version": __version__}
    page = runner.to_html(nb, f"{task['stem']} · {task['set_title']}", extra)
    (out / f"{task['stem']}.html").write_text(page, encoding="utf-8")


WARM_UP = "import exoreview.notebook, exoreview.plots, exoreview.summaries"


def _worker(tasks, results, stop, kernel_name: str, cwd: str) -> None:
    """Worker process: start a kernel at once, then take tasks until the sentinel.

    Reports ``("ready", -1, error, s)`` when the kernel is up (or failed to
    start) and ``(status, index, detail, seconds)`` per task.
    """
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    runner = None
    start = time.perf_counter()
    try:
        try:
            runner = KernelRunner(kernel_name, Path(cwd))
            runner.warm_up(WARM_UP)
            results.put(("ready", -1, "", time.perf_counter() - start))
        except Exception as exc:
            message = f"could not start the Jupyter kernel {kernel_name!r}: {_failure(exc)}"
            results.put(("ready", -1, message, 0.0))
            if runner is not None:
                runner.close()
                runner = None
        for index, task in iter(tasks.get, None):
            if stop.is_set() or runner is None:
                results.put(("skipped", index, "", 0.0))
                continue
            start = time.perf_counter()
            try:
                _run_task(runner, task)
                results.put(("ok", index, "", time.perf_counter() - start))
            except Exception as exc:  # reported as one line by the parent
                stop.set()
                results.put(("failed", index, _failure(exc), time.perf_counter() - start))
    finally:
        if runner is not None:
            runner.close()


class WorkerPool:
    """``jobs`` worker processes, each with its warm kernel, fed (index, task) pairs through a queue.

    Workers are started before the corpus is extracted, so kernel start-up and
    the imports in the kernel overlap with the extraction in this process.
    """

    def __init__(self, jobs: int, kernel_name: str, cwd: Path):
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        self.tasks, self.results, self.stop = ctx.Queue(), ctx.Queue(), ctx.Event()
        self.workers = [ctx.Process(target=_worker, args=(self.tasks, self.results, self.stop, kernel_name,
                                                          str(cwd)), daemon=True) for _ in range(jobs)]
        for w in self.workers:
            w.start()
        self._fed = False
        self._finished = False

    def run(self, tasks: list[dict], progress) -> dict | None:
        """Run every task; return the first failed one (in task order) with its ``error``, or None."""
        for item in enumerate(tasks):
            self.tasks.put(item)
        for _ in self.workers:
            self.tasks.put(None)
        self._fed = True
        failures: dict[int, str] = {}
        start_error = ""
        done = 0
        while done < len(tasks):
            try:
                status, index, detail, seconds = self.results.get(timeout=1.0)
            except queue.Empty:
                if not any(w.is_alive() for w in self.workers):
                    raise ReportError("the notebook workers stopped unexpectedly") from None
                continue
            if status == "ready":
                start_error = start_error or detail
                continue
            done += 1
            if status == "failed":
                failures[index] = detail
            elif status == "ok":
                progress(done, len(tasks), tasks[index], seconds)
        self._finished = True
        if failures:
            first = min(failures)
            return dict(tasks[first], error=failures[first])
        if start_error:
            raise ReportError(start_error)
        return None

    def close(self) -> None:
        """Stop the workers and so their kernels: they finish on the sentinel, or get SIGTERM."""
        self.stop.set()
        if not self._fed:  # run() never came (the extraction failed): release the waiting workers
            for _ in self.workers:
                self.tasks.put(None)
        for w in self.workers:
            w.join(60 if self._finished else 10)
        for w in self.workers:
            if w.is_alive():
                w.terminate()
                w.join(5)


# ---------------------------------------------------------------------------- index.html

def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _shown_params(p: dict) -> list[tuple[str, str]]:
    rows = [("corpus", p["corpus_shown"])]
    for field in ("cell_source", "application", "evidence_tier", "source_kind"):
        rows.append((field, ", ".join(p[field]) if p[field] else "all"))
    rows.append(("include_duplicates", "yes" if p["include_duplicates"] else "no"))
    return rows


def render_index(sets: list[dict], notebooks: list[Path], corpora: dict[str, str]) -> str:
    """``index.html``: provenance, a parameter set x notebook table of links, then each set's parameters.

    Every value shown is escaped; nothing is fetched from the network.
    """
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>exoreview reports</title>",
           "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:14px;margin:2em auto;"
           "max-width:72em;padding:0 1em;color:#222}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}"
           "h3{font-size:1.05em;margin-bottom:.3em}table{border-collapse:collapse;margin:.5em 0}"
           "td,th{border:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}"
           "th{background:#f5f5f5}code{font-size:.95em}small{color:#666}</style>",
           "</head>", "<body>", "<h1>exoreview reports</h1>"]
    out.append("<h2>Provenance</h2><table>")
    out.append(f"<tr><th>exoreview version</th><td><code>{_e(__version__)}</code></td></tr>")
    for shown, digest in corpora.items():
        out.append(f"<tr><th>corpus</th><td><code>{_e(shown)}</code><br>content hash "
                   f"<code>{_e(digest)}</code></td></tr>")
    out.append(f"<tr><th>notebooks</th><td>{len(notebooks)} per parameter set</td></tr>")
    out.append(f"<tr><th>parameter sets</th><td>{len(sets)}</td></tr></table>")
    out.append("<h2>Reports</h2><table><tr><th>parameter set</th>")
    out += [f"<th>{_e(nb.stem)}</th>" for nb in notebooks]
    out.append("</tr>")
    for s in sets:
        name = s["name"]
        out.append(f'<tr><th><a href="#{_e(name)}">{_e(s["title"])}</a><br><small>{_e(name)}</small></th>')
        out += [f'<td><a href="{_e(name)}/{_e(nb.stem)}.html">report</a> '
                f'<small>(<a href="{_e(name)}/{_e(nb.stem)}.ipynb">ipynb</a>)</small></td>'
                for nb in notebooks]
        out.append("</tr>")
    out.append("</table>")
    out.append("<h2>Parameter sets</h2>")
    for s in sets:
        name = s["name"]
        out.append(f'<h3 id="{_e(name)}">{_e(s["title"])} <small>({_e(name)})</small></h3><table>')
        for field, value in _shown_params(s):
            out.append(f"<tr><th>{_e(field)}</th><td>{_e(value)}</td></tr>")
        out.append(f"<tr><th>corpus content hash</th><td><code>{_e(s['content_hash'])}</code></td></tr>")
        out.append(f'<tr><th>parameters as run</th><td><a href="{_e(name)}/params.yaml">'
                   f"{_e(name)}/params.yaml</a> <small>(from {_e(s['path'].name)})</small></td></tr></table>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _params_yaml(p: dict) -> str:
    """The parameter set as it ran (normalised), with its provenance, for ``<set>/params.yaml``."""
    data = {"title": p["title"], "corpus": p["corpus_shown"]}
    data.update({f: list(p[f]) for f in ("cell_source", "application", "evidence_tier", "source_kind")})
    data["include_duplicates"] = p["include_duplicates"]
    head = (f"# parameter set {p['name']} (from {p['path'].name}), run by exoreview {__version__}\n"
            f"# corpus content hash {p['content_hash']}\n")
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


# ---------------------------------------------------------------------------- swap

def _shown(path: Path) -> str:
    """A path relative to the working directory when it lies under it, else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(path.resolve())


# ---------------------------------------------------------------------------- entry point

def run_report(params_files: list[Path] | None = None, corpus: Path | None = None,
               out: Path = Path("reports"), jobs: int = 2, quiet: bool = False, *,
               notebooks_dir: Path | None = None, kernel_name: str = KERNEL_NAME) -> int:
    """Build ``out`` from every notebook x parameter set; return 0, or raise ExoreviewError.

    ``params_files`` defaults to ``params/*.yaml`` and ``notebooks_dir`` to
    ``notebooks/`` (each under the working directory, else the repository).
    A set's own ``corpus`` field wins; ``corpus`` is the folder for the sets
    that name none, by default ``data/corpus``.
    """
    started = time.perf_counter()
    if jobs < 1:
        raise ExoreviewError("--jobs must be at least 1")
    say = (lambda msg: None) if quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))

    if params_files is None:
        params_dir = default_path("params")
        params_files = sorted(params_dir.glob("*.yaml"))
        if not params_files:
            raise ParamsError(f"{params_dir}: no parameter files (*.yaml)")
    sets = [load_params(p) for p in params_files]
    seen: dict[str, Path] = {}
    for s in sets:
        if s["name"] in seen:
            raise ParamsError(f"{s['path']}: parameter set name {s['name']!r} also used by {seen[s['name']]}")
        seen[s["name"]] = s["path"]

    notebooks_dir = Path(notebooks_dir) if notebooks_dir is not None else default_path("notebooks")
    notebooks = find_notebooks(notebooks_dir)
    if not notebooks:
        raise ExoreviewError(f"{notebooks_dir}: no notebooks named NN_name.ipynb")
    check_notebooks(notebooks)
    check_kernel(kernel_name)

    out = Path(out).absolute()
    if out.exists() and not out.is_dir():
        raise ExoreviewError(f"{out}: exists and is not a folder")
    check_replaceable(out, legacy=("index.html",))
    n_tasks = len(sets) * len(notebooks)
    say(f"exoreview report: {len(sets)} parameter set(s) x {len(notebooks)} notebook(s), "
        f"{min(jobs, n_tasks)} job(s)")

    from .api import load_corpus

    pool = WorkerPool(min(jobs, n_tasks), kernel_name, notebooks_dir)  # kernels start while we extract
    tmp = None
    try:
        corpora: dict[str, str] = {}
        hashes: dict[Path, str] = {}
        for s in sets:
            path = Path(s["corpus"]) if s["corpus"] else Path(corpus) if corpus is not None \
                else default_path("data/corpus")
            path = path.absolute()
            if path not in hashes:
                hashes[path] = load_corpus(path, jobs=jobs).content_hash
                corpora[_shown(path)] = hashes[path]
            s["corpus_path"], s["corpus_shown"], s["content_hash"] = path, _shown(path), hashes[path]

        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-build-", dir=out.parent))
        except OSError as exc:
            raise ExoreviewError(f"cannot write the reports folder {out}: {exc.strerror or exc}") from None
        tasks = []
        for s in sets:
            set_dir = tmp / s["name"]
            set_dir.mkdir()
            (set_dir / "params.yaml").write_text(_params_yaml(s), encoding="utf-8")
            for nb in notebooks:
                tasks.append({
                    "set_name": s["name"], "set_title": s["title"], "notebook": str(nb), "stem": nb.stem,
                    "out_dir": str(set_dir), "tmp_root": str(tmp), "final_root": str(out),
                    "parameters": notebook_parameters(s, s["corpus_path"], set_dir),
                })

        def progress(done, total, task, seconds):
            say(f"[{done:>{len(str(total))}}/{total}] {task['set_name']} {task['stem']} {seconds:.1f}s")

        failed = pool.run(tasks, progress)
        if failed:
            raise ReportError(f"notebook {failed['stem']} failed for parameter set {failed['set_name']}: "
                              f"{failed['error']}")
        (tmp / "index.html").write_text(render_index(sets, notebooks, corpora), encoding="utf-8")
        swap_in(tmp, out)
        tmp = None
    finally:
        pool.close()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    say(f"wrote {_shown(out / 'index.html')} ({n_tasks} reports in {time.perf_counter() - started:.1f}s)")
    return 0
