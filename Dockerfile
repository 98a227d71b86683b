# idcard-stream: one image for both long-running commands.
#   docker build -t idcard-stream:0.1.0 .
#   docker run --rm idcard-stream:0.1.0 run     (the Kafka Streams worker; ops endpoint on 9400)
#   docker run --rm idcard-stream:0.1.0 serve   (the IDCardOCR-compatible API)
# Settings come from IDCARD_* environment variables or a properties file named by IDCARD_CONFIG_FILE; no secret is
# baked in. Extra JVM options: JAVA_TOOL_OPTIONS.

# --- build: the jar and its runtime jars (target/idcard-stream.jar + target/lib/) ---------------------------------
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY schemas/ schemas/
COPY src/main/ src/main/
# The cache mount keeps ~/.m2 between builds, so only changed dependencies are downloaded again. Behind a proxy or
# with a Maven Central mirror, pass a settings.xml as a build secret (never a layer):
#   docker build --secret id=maven_settings,src=$HOME/.m2/settings.xml -t idcard-stream:0.1.0 .
RUN --mount=type=cache,target=/root/.m2 --mount=type=secret,id=maven_settings \
    if [ -f /run/secrets/maven_settings ]; then set -- -s /run/secrets/maven_settings; fi; \
    mvn -B "$@" -DskipTests package

# --- runtime -----------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17.0.19_10-jre-noble

LABEL org.opencontainers.image.title="idcard-stream" \
      org.opencontainers.image.description="Kafka Streams worker and IDCardOCR-compatible API for resident ID card OCR"

# A fixed numeric user, so Kubernetes can check runAsNonRoot. /var/lib/idcard-stream is the working directory and
# the only place the application writes (Streams state, a generated serve key file); volumes mounted there inherit
# its owner.
RUN groupadd --system --gid 10001 idcard \
    && useradd --system --uid 10001 --gid idcard --home-dir /var/lib/idcard-stream --no-create-home \
       --shell /usr/sbin/nologin idcard \
    && mkdir -p /var/lib/idcard-stream/state /var/lib/idcard-stream/keys \
    && chown -R 10001:10001 /var/lib/idcard-stream

# Runtime jars first: they change less often than the application jar, so their layer is reused.
COPY --from=build /src/target/lib/ /app/lib/
COPY --from=build /src/target/idcard-stream.jar /app/idcard-stream.jar
# The CycloneDX SBOM of exactly the jars above, for the platform's image scanner.
COPY --from=build /src/target/bom.json /app/bom.cdx.json

USER 10001:10001
WORKDIR /var/lib/idcard-stream
# 8080: serve (with IDCARD_SERVER_PORT=8080); 9400: the worker's /healthz, /readyz and /metrics (ops.port).
EXPOSE 8080 9400

# Half of the container's memory limit for the heap: the local engine's ONNX Runtime works outside the heap.
# onnxruntime extracts its native library to java.io.tmpdir (/tmp), which must be writable and allow exec.
# Temurin's /__cacert_entrypoint.sh comes first: with USE_SYSTEM_CA_CERTS=1 it adds the certificates mounted in
# /certificates (a bank's internal CA for the registry and the brokers) to the JVM's trust store, then runs java.
ENTRYPOINT ["/__cacert_entrypoint.sh", "java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", \
            "-jar", "/app/idcard-stream.jar"]
CMD ["run"]
