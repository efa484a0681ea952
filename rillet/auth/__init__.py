"""Sign-in with OpenID Connect: the ``[auth]`` configuration and the signed cookies.

The script side (``st.login``, ``st.logout``, ``st.user`` in
:mod:`rillet.api.user`) and the server's routes (``rillet_server.auth``)
share these. Nothing here imports Authlib or Tornado.
"""
