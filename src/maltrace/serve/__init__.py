"""``maltrace serve``: the plans in the browser, on this machine (Starlette + uvicorn).

Needs the optional extra: ``pip install 'maltrace[serve]'``. ``create_app`` builds the ASGI app
for a ``ServeState``; ``run`` serves it with uvicorn.
"""
