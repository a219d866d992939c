"""The routes of ``maltrace serve``: pages (readable without JavaScript), the JSON API, and the
event stream. Each route is thin: read the request, one call into ``maltrace.api`` through the
state, render with ``maltrace.render`` or a template."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
from collections.abc import AsyncIterator, Callable
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from maltrace import api
from maltrace.api import EditRefused
from maltrace.errors import MaltraceError
from maltrace.i18n import DEFAULT_LANG, LANGS, Lang, normalise_lang, t
from maltrace.serve import content, views
from maltrace.serve.security import DOCUMENT_CSP, Guard, Scope
from maltrace.serve.state import ServeState, Stale

if TYPE_CHECKING:
    from maltrace.api import Analysis, FileEdit

log = logging.getLogger("maltrace.serve")
_HERE = files("maltrace.serve")
# Keep-alive comments on the event stream, so proxies and browsers keep it open.
PING_SECONDS = 15.0
# How often the watcher looks (ms) and how long it lets a burst of saves settle.
WATCH_STEP_MS = 50
WATCH_DEBOUNCE_MS = 100


class Settings:
    def __init__(
        self,
        *,
        token: str,
        host: str = "127.0.0.1",
        lang: Lang | None = None,
        since: str | None = None,
        watch: bool = True,
    ) -> None:
        self.token = token
        self.host = host
        self.lang = lang
        self.since = since
        self.watch = watch


def create_app(state: ServeState, settings: Settings) -> Guard:
    """The ASGI app: the routes behind the guard (see ``security``)."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: (_HERE / "templates" / name).read_text(encoding="utf-8")
        ),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = t

    def number(value: object, lang: Lang) -> str:
        from maltrace.render.charts import format_number

        return format_number(value, lang) if isinstance(value, (int, float)) else str(value)

    env.globals["number"] = number

    def lang_of(request: Request | Scope) -> Lang:
        scope = request.scope if isinstance(request, Request) else request
        query = dict(_query(scope))
        given = normalise_lang(query.get("lang"))
        if given:
            return given
        if settings.lang:
            return settings.lang
        analysis = state.snapshot.analysis
        return analysis.lang if analysis is not None else DEFAULT_LANG

    # -- the API -----------------------------------------------------------------------------

    async def version(request: Request) -> Response:
        # Read from disk, not from the watcher: a script that just wrote a file sees it.
        await run_in_threadpool(state.refresh)
        return JSONResponse({"version": state.version})

    async def check(request: Request) -> Response:
        snap = state.snapshot
        lang = _lang_param(request)
        body = await run_in_threadpool(
            snap.remember, ("check", lang), lambda: content.check(snap, lang)
        )
        return Response(body, media_type="application/json; charset=utf-8")

    async def status_api(request: Request) -> Response:
        snap = state.snapshot
        lang = _lang_param(request)
        day = _today(request)
        if snap.analysis is None:
            return Response(content.check(snap, lang), media_type="application/json; charset=utf-8")
        body = await run_in_threadpool(
            snap.remember, ("status", lang, day), lambda: content.status_json(snap, day, lang)
        )
        return Response(body, media_type="application/json; charset=utf-8")

    async def suggest_api(request: Request) -> Response:
        from maltrace.render.suggest.terminal import suggestions_json

        snap = state.snapshot
        analysis = snap.analysis
        node = request.query_params.get("node")
        lang = _lang_param(request) or (analysis.lang if analysis else DEFAULT_LANG)
        if analysis is None:
            return _refused(EditRefused("load-errors"), lang)
        if node is not None and node not in analysis.graph:
            return _refused(_unknown(analysis, node), lang)
        result = await run_in_threadpool(
            snap.remember, ("suggest", node), lambda: api.suggest_in(analysis, node=node)
        )
        return Response(
            suggestions_json(result, lang), media_type="application/json; charset=utf-8"
        )

    async def links(request: Request) -> Response:
        body = await _body(request)
        node = _text(body, "node")
        add, remove = _ids(body, "add"), _ids(body, "remove")
        return await _edit(
            request,
            body,
            lambda a: api.edit_links(a, node, add=add, remove=remove, apply=False),
        )

    async def set_status(request: Request) -> Response:
        body = await _body(request)
        node, code = _text(body, "node"), _text(body, "status")
        return await _edit(request, body, lambda a: api.set_status(a, node, code, apply=False))

    async def set_reason(request: Request) -> Response:
        body = await _body(request)
        node = _text(body, "node")
        reason = body.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise _BadRequest("reason")
        return await _edit(request, body, lambda a: api.set_reason(a, node, reason, apply=False))

    async def undo(request: Request) -> Response:
        body = await _body(request)
        base = _text(body, "base")
        return await _outcome(request, lambda: state.undo(base))

    async def _edit(
        request: Request, body: dict[str, Any], make: Callable[[Analysis], FileEdit | None]
    ) -> Response:
        base = _text(body, "base")
        return await _outcome(request, lambda: state.edit(base, make))

    async def _outcome(request: Request, run: Callable[[], Any]) -> Response:
        lang = lang_of(request)
        try:
            outcome = await run_in_threadpool(run)
        except Stale as exc:
            return JSONResponse(
                {
                    "code": "stale",
                    "message": t("serve.refused.stale", lang),
                    "version": exc.version,
                },
                status_code=409,
            )
        except EditRefused as exc:
            return _refused(exc, lang, 403 if exc.code == "read-only" else 422)
        return JSONResponse({"version": outcome.version, "files": list(outcome.files)})

    async def events(request: Request) -> Response:
        queue = state.listen()

        async def stream() -> AsyncIterator[str]:
            try:
                yield f"retry: 1000\nevent: version\ndata: {json.dumps(state.version)}\n\n"
                while True:
                    try:
                        version = await asyncio.wait_for(queue.get(), PING_SECONDS)
                    except TimeoutError:
                        yield ": ping\n\n"
                        continue
                    if not version:  # the server is stopping
                        return
                    yield f"event: version\ndata: {json.dumps(version)}\n\n"
            finally:
                state.unlisten(queue)

        return StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"X-Accel-Buffering": "no"},
        )

    # -- pages -------------------------------------------------------------------------------

    def page(request: Request, template: str, **context: Any) -> Response:
        lang = lang_of(request)
        snap = state.snapshot
        params = dict(request.query_params)

        def url(path: str | None = None, **changes: Any) -> str:
            merged = {**params, **changes}
            kept = {k: v for k, v in merged.items() if v not in (None, "", False)}
            query = urlencode(kept)
            return (path or request.url.path) + ("?" + query if query else "")

        html = env.get_template(template).render(
            lang=lang,
            langs=LANGS,
            snap=snap,
            state=state,
            url=url,
            path=request.url.path,
            params=params,
            errors=content.errors(snap, lang),
            writable=state.writable,
            can_undo=state.can_undo,
            **context,
        )
        return HTMLResponse(html)

    async def home(request: Request) -> Response:
        lang = lang_of(request)
        snap = state.snapshot
        q = request.query_params
        filters = views.Filters(
            q=q.get("q", "")[:200],
            alert=q.get("alert") == "1",
            plan=q.get("plan", ""),
            area=q.get("area", ""),
        )
        node = q.get("node") or None
        context: dict[str, Any] = {"filters": filters, "node": node}
        analysis = snap.analysis
        if analysis is not None:
            model = await run_in_threadpool(
                content.map_context, snap, analysis, lang, filters, node
            )
            context.update(model)
        return page(request, "map.html.j2", **context)

    async def status_page(request: Request) -> Response:
        return await _document(request, "status")

    async def frameworks_page(request: Request) -> Response:
        return await _document(request, "frameworks")

    async def diff_page(request: Request) -> Response:
        return await _document(request, "diff")

    async def _document(request: Request, view: str) -> Response:
        lang = lang_of(request)
        snap = state.snapshot
        context: dict[str, Any] = {"view": view, "body": None, "problem": None}
        since = request.query_params.get("since") or settings.since
        day = _today(request)
        if snap.analysis is not None:
            analysis = snap.analysis
            key = ("doc", view, lang, since, day)
            try:
                context["body"] = await run_in_threadpool(
                    snap.remember,
                    key,
                    lambda: content.document_body(state, analysis, view, lang, since, day),
                )
            except content.NoDocument as exc:
                context["problem"] = exc.text
        context["since"] = since or ""
        response = page(request, "document.html.j2", **context)
        response.headers["content-security-policy"] = DOCUMENT_CSP
        return response

    async def diagram(request: Request) -> Response:
        snap = state.snapshot
        goal = request.query_params.get("goal", "")
        analysis = snap.analysis
        lang = lang_of(request)
        if analysis is None or goal not in analysis.graph:
            return await not_found(request, HTTPException(404))
        svg = await run_in_threadpool(
            snap.remember, ("diagram", goal, lang), lambda: content.goal_svg(analysis, goal, lang)
        )
        return Response(svg, media_type="image/svg+xml")

    async def chart(request: Request) -> Response:
        snap = state.snapshot
        indicator = request.query_params.get("indicator", "")
        lang = lang_of(request)
        day = _today(request)
        if snap.analysis is None:
            return await not_found(request, HTTPException(404))
        svg = await run_in_threadpool(
            snap.remember,
            ("chart", indicator, lang, day),
            lambda: content.indicator_svg(snap, indicator, lang, day),
        )
        if svg is None:
            return await not_found(request, HTTPException(404))
        # matplotlib styles its shapes with style attributes
        return Response(
            svg, media_type="image/svg+xml", headers={"content-security-policy": DOCUMENT_CSP}
        )

    async def report_css(request: Request) -> Response:
        css = (files("maltrace.render") / "templates" / "report.css").read_text(encoding="utf-8")
        return Response(css, media_type="text/css; charset=utf-8")

    async def not_found(request: Request, exc: Exception) -> Response:
        lang = lang_of(request)
        message = t("serve.refused.not-found", lang)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"code": "not-found", "message": message}, status_code=404)
        # A page a planner mistyped: a page in their language, with the way back to the map.
        title, home = escape(t("serve.title", lang)), escape(t("serve.nav.map", lang))
        body = (
            f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{escape(message)} – {title}</title></head><body><main>"
            f'<h1>{escape(message)}</h1><p><a href="/">{home}</a></p></main></body></html>'
        )
        return HTMLResponse(body, status_code=404)

    async def bad_request(request: Request, exc: Exception) -> Response:
        lang = lang_of(request)
        detail = str(exc) if isinstance(exc, _BadRequest) else "JSON"
        return JSONResponse(
            {
                "code": "bad-request",
                "message": t("serve.refused.bad-request", lang, detail=detail),
            },
            status_code=400,
        )

    async def internal(request: Request, exc: Exception) -> Response:
        # The cause goes to the terminal; the client learns only that nothing was written.
        log.error("maltrace serve: %s %s failed", request.method, request.url.path, exc_info=exc)
        lang = lang_of(request)
        return JSONResponse(
            {"code": "internal", "message": t("serve.refused.internal", lang)},
            status_code=500,
        )

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        if status == 404:
            return await not_found(request, exc)
        lang = lang_of(request)
        return JSONResponse(
            {"code": "bad-request", "message": t("serve.refused.bad-request", lang, detail=status)},
            status_code=status,
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state.attach(asyncio.get_running_loop())
        stop = asyncio.Event()
        task = asyncio.create_task(_watch(state, stop)) if settings.watch else None
        try:
            yield
        finally:
            stop.set()
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task

    routes = [
        Route("/", home),
        Route("/status", status_page),
        Route("/frameworks", frameworks_page),
        Route("/diff", diff_page),
        Route("/report.css", report_css),
        Route("/diagram.svg", diagram),
        Route("/chart.svg", chart),
        Route("/api/version", version),
        Route("/api/check", check),
        Route("/api/status", status_api, methods=["GET"]),
        Route("/api/status", set_status, methods=["POST"]),
        Route("/api/suggest", suggest_api),
        Route("/api/links", links, methods=["POST"]),
        Route("/api/reason", set_reason, methods=["POST"]),
        Route("/api/undo", undo, methods=["POST"]),
        Route("/api/events", events),
        Mount("/static", app=StaticFiles(packages=[("maltrace.serve", "static")]), name="static"),
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={
            HTTPException: http_error,
            _BadRequest: bad_request,
            json.JSONDecodeError: bad_request,
            Exception: internal,
        },
    )
    return Guard(app, token=settings.token, host=settings.host, lang=lang_of)


# -- helpers -------------------------------------------------------------------------------------


class _BadRequest(MaltraceError):
    """A request body the API cannot read (answered 400 with the field named)."""

    code = "bad-request"


def _query(scope: Scope) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl

    return parse_qsl(scope.get("query_string", b"").decode("latin-1"))


def _lang_param(request: Request) -> Lang | None:
    return normalise_lang(request.query_params.get("lang"))


def _today(request: Request) -> dt.date:
    given = request.query_params.get("today")
    if given:
        try:
            return dt.date.fromisoformat(given.strip())
        except ValueError:
            raise _BadRequest("today") from None
    return dt.date.today()


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    try:
        body = json.loads(raw or b"{}")
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise _BadRequest("JSON") from None
    if not isinstance(body, dict):
        raise _BadRequest("JSON")
    return body


def _text(body: dict[str, Any], key: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value:
        raise _BadRequest(key)
    return value


def _ids(body: dict[str, Any], key: str) -> list[str]:
    value = body.get(key, [])
    if not isinstance(value, list) or not all(isinstance(x, str) and x for x in value):
        raise _BadRequest(key)
    if len(value) > 100:
        raise _BadRequest(key)
    return value


def _refused(exc: EditRefused, lang: Lang, status: int = 422) -> Response:
    return JSONResponse({"code": exc.code, "message": exc.message(lang)}, status_code=status)


def _unknown(analysis: Analysis, node: str) -> EditRefused:
    import difflib

    close = difflib.get_close_matches(node, [str(n) for n in analysis.graph], n=1)
    params: dict[str, Any] = {"id": node[:40]}
    if close:
        params["suggestion"] = close[0]
    return EditRefused("unknown-node", params)


async def _watch(state: ServeState, stop: asyncio.Event) -> None:
    """Read the folder again whenever a plan file in it changes (the listeners are told)."""
    from watchfiles import awatch

    def plan_file(_change: object, path: str) -> bool:
        return Path(path).suffix.lower() in (".yaml", ".yml")

    folders = state.folders()
    try:
        async for _ in awatch(
            *folders,
            watch_filter=plan_file,
            debounce=WATCH_DEBOUNCE_MS,
            step=WATCH_STEP_MS,
            stop_event=stop,
        ):
            await run_in_threadpool(state.refresh)
    except Exception as exc:  # the page still works; only live updates stop
        log.warning("maltrace serve: the folder is no longer watched: %s", exc)
