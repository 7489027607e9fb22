# attio-plg receiver (`attio-plg serve`) as a container: build with the dev tools, run with production
# dependencies only, as the unprivileged `node` user, with Docker's health check on GET /health.
# The receiver keeps its queue of accepted events in /data: mount a volume there, or a restart loses what
# was accepted and not yet in Attio (docs/receiver-queue.md).
#   docker build -t attio-plg .
#   docker run --rm -p 8788:8788 -v attio-plg-data:/data -e ATTIO_API_KEY -e ATTIO_PLG_WEBHOOK_SECRET attio-plg
# compose.yaml runs it beside the Attio emulator.
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm-slim AS build
# better-sqlite3 (the queue) downloads a prebuilt binary, or compiles one where it cannot: a toolchain for that.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` builds, and needs the sources copied below; of the install scripts only better-sqlite3's is needed.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
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
# The image's files stay root's and read-only to the process; it runs as `node` (uid 1000), not root, and
# writes only its queue, in /data (a new named volume takes this directory's owner).
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8788
# /health answers as long as the process serves requests; /ready (the workspace check) is for load balancers.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8788/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node runs as PID 1 and handles SIGTERM itself: `docker stop` stops intake, lets the deliveries and the
# drain's runs in flight finish (20 s at most) and leaves the rest of the queue in /data for the next start.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "dist/cli/main.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8788", "--data-dir", "/data"]
