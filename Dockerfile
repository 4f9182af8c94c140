# The app alone; Neo4j comes from docker-compose.yml through NEO4J_URI, so no Java is needed here.
# The web UI is built with the development tools; the image that runs keeps only what the server needs.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
COPY --from=web /app/dist/web ./dist/web
# Not root: a flaw in the server gets an unprivileged user, who cannot change the app's files.
USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/main.ts"]
