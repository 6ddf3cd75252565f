# The hosted server (`--http`) in a container: the two bundled files of dist/ and Node, nothing else (the bundle has
# no runtime dependencies). Build on a clone after `npm ci && npm run build`:
#   docker build -t hiringcenter-mcp .
#   docker run --rm -p 8787:8787 hiringcenter-mcp
# NODE_IMAGE is any image with Node >= 20 at `node` on PATH and a user named `node`; the official one by default.
ARG NODE_IMAGE=node:22-bookworm-slim
FROM ${NODE_IMAGE}
WORKDIR /app
COPY dist/cli.js dist/http.js deploy/healthcheck.mjs ./
# Inside a container the server listens on every interface of its network namespace; the Host and Origin checks
# still apply (set HIRINGCENTER_PUBLIC_URL to the address clients use).
ENV NODE_ENV=production \
    HIRINGCENTER_HTTP_HOST=0.0.0.0 \
    HIRINGCENTER_HTTP_PORT=8787
USER node
EXPOSE 8787
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD ["node", "/app/healthcheck.mjs"]
# Node is PID 1 and handles SIGTERM itself: it stops taking requests and lets calls in flight finish (10 s), so the
# stop timeout must be longer than that (`docker stop -t 15`, compose's stop_grace_period).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/cli.js"]
CMD ["--http"]
