# The Blueprint Graph API, for use with docker-compose.yml (Neo4j runs in its own container).
# test/integration/dockerfile.e2e-spec.ts replays these steps in a clean folder and starts the result.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Without scripts: `prepare` would build before the sources are here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json nest-cli.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json schema.gql ./
COPY cypher ./cypher
COPY demo ./demo
EXPOSE 3000
USER node
CMD ["node", "dist/main.js"]
