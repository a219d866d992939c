"""The routes of ``maltrace serve``: pages (readable without JavaScript), the JSON API, and the
event stream. Each route is thin: read the request, one call into ``maltrace.api`` through the
state, render with ``maltrace.render`` or a template."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Callable
from importlib.resources import files
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
from maltrace.i18n import DEFAULT_LANG, LANGS, Lang, normalise_lang, t
from maltrace.serve import views
from maltrace.serve.pages import (
    _BadRequest,
    _body,
    _check,
    _document_body,
    _errors,
    _goal_svg,
    _ids,
    _indicator_svg,
    _lang_param,
    _map_context,
    _NoDocument,
    _query,
    _refused,
    _status_json,
    _text,
    _today,
    _unknown,
    _watch,
)
from maltrace.serve.security import DOCUMENT_CSP, Guard, Scope
from maltrace.serve.state import ServeState, Stale

if TYPE_CHECKING:
    from maltrace.api import Analysis, FileEdit

log = logging.getLogger("maltrace.serve")

_HERE = files("maltrace.serve")
# Keep-alive comments on the event stream, so proxies and browsers keep it open.
PING_SECONDS = 15.0


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
        body = await run_in_threadpool(snap.remember, ("check", lang), lambda: _check(snap, lang))
        return Response(body, media_type="application/json; charset=utf-8")

    async def status_api(request: Request) -> Response:
        snap = state.snapshot
        lang = _lang_param(request)
        day = _today(request)
        if snap.analysis is None:
            return Response(_check(snap, lang), media_type="application/json; charset=utf-8")
        body = await run_in_threadpool(
            snap.remember, ("status", lang, day), lambda: _status_json(snap, day, lang)
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
            errors=_errors(snap, lang),
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
            model = await run_in_threadpool(_map_context, snap, analysis, lang, filters, node)
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
                    lambda: _document_body(state, analysis, view, lang, since, day),
                )
            except _NoDocument as exc:
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
            snap.remember, ("diagram", goal, lang), lambda: _goal_svg(analysis, goal, lang)
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
            lambda: _indicator_svg(snap, indicator, lang, day),
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
        return JSONResponse(
            {"code": "not-found", "message": t("serve.refused.not-found", lang)},
            status_code=404,
        )

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
