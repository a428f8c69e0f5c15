# The Blueprint Graph API, for use with docker-compose.yml (Neo4j runs in its own container).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json nest-cli.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

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
