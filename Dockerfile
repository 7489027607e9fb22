# attio-plg receiver (`attio-plg serve`) as a container: build with the dev tools, run with production
# dependencies only, as the unprivileged `node` user, with Docker's health check on GET /health.
#   docker build -t attio-plg .
#   docker run --rm -p 8788:8788 -e ATTIO_API_KEY -e ATTIO_PLG_WEBHOOK_SECRET attio-plg
# compose.yaml runs it beside the Attio emulator.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` builds, and needs the sources copied below; no dependency needs its install script to run.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY examples ./examples
# The image's files stay root's and read-only to the process; it runs as `node` (uid 1000), not root.
USER node
EXPOSE 8788
# /health answers as long as the process serves requests; /ready (the workspace check) is for load balancers.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8788/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node runs as PID 1 and handles SIGTERM itself: `docker stop` lets deliveries in flight finish (25 s at most).
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8788"]
