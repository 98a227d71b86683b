package io.idcardstream.config;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.Range.between;
import static org.apache.kafka.common.config.ConfigDef.ValidString.in;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Every setting of idcard-stream, typed, validated and documented in one place (Kafka's {@code ConfigDef}
 * idiom). Values come from a properties file ({@code --config-file} or {@code IDCARD_CONFIG_FILE}) and are
 * overridden by environment variables {@code IDCARD_} + the key in upper snake case; see {@link ConfigLoader}.
 * Keys starting with {@code kafka.} are passed to the Kafka clients without the prefix (TLS, SASL, tuning).
 *
 * <p>Secrets are {@link Type#PASSWORD}, so they print as {@code [hidden]}.
 */
public final class IdCardStreamConfig extends AbstractConfig {

    /** Prefix of keys handed to the Kafka Streams, producer and consumer configs as they are. */
    public static final String KAFKA_PREFIX = "kafka.";

    // --- Kafka -------------------------------------------------------------------------------------
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka brokers to connect to, host:port[,host:port].";

    public static final String APPLICATION_ID_CONFIG = "application.id";
    private static final String APPLICATION_ID_DOC = "Kafka Streams application id: the consumer group and the "
            + "prefix of internal topics. Instances with the same id share the input partitions.";

    public static final String PROCESSING_GUARANTEE_CONFIG = "processing.guarantee";
    private static final String PROCESSING_GUARANTEE_DOC = "exactly_once_v2 makes every consumed request end as "
            + "exactly one outcome record; at_least_once may repeat outcomes after a crash.";

    public static final String NUM_STREAM_THREADS_CONFIG = "num.stream.threads";
    private static final String NUM_STREAM_THREADS_DOC = "Kafka Streams threads in this instance.";

    public static final String GROUP_INSTANCE_ID_CONFIG = "group.instance.id";
    private static final String GROUP_INSTANCE_ID_DOC = "Static membership: a name unique to this instance that "
            + "stays the same when it restarts (a pod's name). A restarted instance takes its partitions back "
            + "without a rebalance, so a crash no longer stops the other instances' commits (33.4 s without, "
            + "0.9 s with: RELIABILITY.md). Empty: dynamic membership. A member that does not come back keeps its "
            + "partitions until the session timeout (kafka.session.timeout.ms, 45 s).";

    public static final String STATE_DIR_CONFIG = "state.dir";
    private static final String STATE_DIR_DOC = "Directory for Kafka Streams local state.";

    public static final String STATE_ROCKSDB_MEMORY_BYTES_CONFIG = "state.rocksdb.memory.bytes";
    private static final String STATE_ROCKSDB_MEMORY_BYTES_DOC = "Off-heap memory all RocksDB stores of one instance "
            + "share (block cache, index and filter blocks, and memtables, which take up to half). Fits into the "
            + "container's memory limit beside the heap and the engine.";

    public static final String COMMIT_INTERVAL_MS_CONFIG = "commit.interval.ms";
    private static final String COMMIT_INTERVAL_MS_DOC = "How often Kafka Streams commits; under exactly_once_v2 "
            + "this is also how long outcomes wait before read_committed consumers see them (half of it on "
            + "average), so it is lower than Kafka's 100 ms. Each commit is a transaction.";

    public static final String TRANSACTION_TIMEOUT_MS_CONFIG = "transaction.timeout.ms";
    private static final String TRANSACTION_TIMEOUT_MS_DOC = "Producer transaction timeout. Must exceed the rate "
            + "limiter wait plus the OCR call deadline (ocr.rate.max.wait.ms + ocr.call.timeout.ms), or a slow "
            + "call aborts the transaction.";

    public static final String REPLICATION_FACTOR_CONFIG = "replication.factor";
    private static final String REPLICATION_FACTOR_DOC = "Replication factor of Kafka Streams internal topics; -1 "
            + "uses the broker default.";

    // --- Topics ------------------------------------------------------------------------------------
    public static final String TOPIC_REQUESTS_CONFIG = "topic.requests";
    private static final String TOPIC_REQUESTS_DOC = "Input topic of IdCardOcrRequested events.";

    public static final String TOPIC_RECOGNIZED_CONFIG = "topic.recognized";
    private static final String TOPIC_RECOGNIZED_DOC = "Output topic of IdentityRecognized events.";

    public static final String TOPIC_FAILED_CONFIG = "topic.failed";
    private static final String TOPIC_FAILED_DOC = "Output topic of IdCardOcrFailed events.";

    public static final String TOPIC_DLQ_CONFIG = "topic.dlq";
    private static final String TOPIC_DLQ_DOC = "Dead-letter topic for request records that cannot be decoded; "
            + "the original key and value with __streams.errors.* headers naming the error and the source "
            + "topic, partition and offset.";

    public static final String TOPIC_ASSEMBLED_CONFIG = "topic.assembled";
    private static final String TOPIC_ASSEMBLED_DOC = "Output topic of IdentityAssembled events (identity assembly, "
            + "assembly.enabled).";

    public static final String TOPIC_INCOMPLETE_CONFIG = "topic.incomplete";
    private static final String TOPIC_INCOMPLETE_DOC = "Output topic of IdentityIncomplete events (identity assembly, "
            + "assembly.enabled).";

    // --- Schema registry ---------------------------------------------------------------------------
    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC = "Confluent-compatible schema registry, e.g. "
            + "http://registry:8081 or Apicurio's http://host:8080/apis/ccompat/v7. mock://<scope> uses an "
            + "in-memory registry shared within the process (tests and demos only).";

    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_CONFIG = "schema.registry.basic.auth.user.info";
    private static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_DOC = "user:password for HTTP basic "
            + "authentication at the registry; empty for none.";

    public static final String SCHEMA_REGISTRY_BEARER_AUTH_TOKEN_CONFIG = "schema.registry.bearer.auth.token";
    private static final String SCHEMA_REGISTRY_BEARER_AUTH_TOKEN_DOC = "Token sent as 'Authorization: Bearer "
            + "<token>' to the registry (an OAuth access token or an API key issued as one); empty for none. Not "
            + "together with schema.registry.basic.auth.user.info.";

    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION_CONFIG = "schema.registry.ssl.truststore.location";
    private static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION_DOC = "Trust store (PKCS12 or JKS) with the "
            + "CA that signed the registry's https certificate; empty for the JVM's trust store.";
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD_CONFIG = "schema.registry.ssl.truststore.password";
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE_CONFIG = "schema.registry.ssl.truststore.type";
    public static final String SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION_CONFIG = "schema.registry.ssl.keystore.location";
    private static final String SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION_DOC = "Key store (PKCS12 or JKS) with the "
            + "client key and certificate for mutual TLS to the registry; empty for none.";
    public static final String SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD_CONFIG = "schema.registry.ssl.keystore.password";
    public static final String SCHEMA_REGISTRY_SSL_KEYSTORE_TYPE_CONFIG = "schema.registry.ssl.keystore.type";
    public static final String SCHEMA_REGISTRY_SSL_KEY_PASSWORD_CONFIG = "schema.registry.ssl.key.password";

    public static final String AUTO_REGISTER_SCHEMAS_CONFIG = "auto.register.schemas";
    private static final String AUTO_REGISTER_SCHEMAS_DOC = "Register the outcome schemas when first written. When "
            + "false they must already be registered under <topic>-value.";

    public static final String SCHEMA_REGISTRY_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
    private static final String SCHEMA_REGISTRY_TIMEOUT_MS_DOC = "Deadline of one schema registry HTTP request.";

    // --- OCR ---------------------------------------------------------------------------------------
    public static final String OCR_PROVIDER_CONFIG = "ocr.provider";
    private static final String OCR_PROVIDER_DOC = "local = the embedded engine (no account needed); tencent = the "
            + "IDCardOCR API at tencent.endpoint (Tencent Cloud or an idcard-stream serve instance).";

    public static final String OCR_QUOTA_RPS_CONFIG = "ocr.quota.rps";
    private static final String OCR_QUOTA_RPS_DOC = "Account-wide IDCardOCR request quota, requests per second "
            + "(Tencent's default is 20). Each input partition gets quota / partitions.";

    public static final String OCR_QUOTA_PARTITIONS_CONFIG = "ocr.quota.partitions";
    private static final String OCR_QUOTA_PARTITIONS_DOC = "Number of input partitions the quota is divided by; 0 "
            + "reads it from the topic metadata at startup.";

    public static final String OCR_CALL_TIMEOUT_MS_CONFIG = "ocr.call.timeout.ms";
    private static final String OCR_CALL_TIMEOUT_MS_DOC = "Deadline of one OCR call, queueing included. A call "
            + "that misses it ends as a ClientTimeout failure.";

    public static final String OCR_RATE_MAX_WAIT_MS_CONFIG = "ocr.rate.max.wait.ms";
    private static final String OCR_RATE_MAX_WAIT_MS_DOC = "Blocking processing: longest a request waits for its "
            + "partition's rate limiter before the call.";

    public static final String IMAGE_INLINE_MAX_BYTES_CONFIG = "image.inline.max.bytes";
    private static final String IMAGE_INLINE_MAX_BYTES_DOC = "Largest inline image accepted in a request event; "
            + "larger ones fail with FailedOperation.ImageSizeTooLarge. Producers, topics and consumers must allow "
            + "records this large.";

    public static final String CROP_MAX_BYTES_CONFIG = "crop.max.bytes";
    private static final String CROP_MAX_BYTES_DOC = "Largest crop (JPEG) carried in an outcome event; a larger "
            + "one is omitted and flagged.";

    public static final String OCR_QUOTA_SAFETY_MARGIN_CONFIG = "ocr.quota.safety.margin";
    private static final String OCR_QUOTA_SAFETY_MARGIN_DOC = "Fraction of this instance's share of the quota left "
            + "unused, for clock and network jitter (0.02 = use 98%).";

    public static final String OCR_RETRY_MAX_ATTEMPTS_CONFIG = "ocr.retry.max.attempts";
    private static final String OCR_RETRY_MAX_ATTEMPTS_DOC = "OCR calls made at most for one request when the "
            + "failures are retryable (RequestLimitExceeded, InternalError, network errors, timeouts, "
            + "DownLoadError); then an IdCardOcrFailed records the attempts. Async processing only.";

    public static final String OCR_RETRY_BACKOFF_INITIAL_MS_CONFIG = "ocr.retry.backoff.initial.ms";
    private static final String OCR_RETRY_BACKOFF_INITIAL_MS_DOC = "Backoff ceiling before the second call; it "
            + "doubles per attempt, and the actual wait is random below it (full jitter).";

    public static final String OCR_RETRY_BACKOFF_MAX_MS_CONFIG = "ocr.retry.backoff.max.ms";
    private static final String OCR_RETRY_BACKOFF_MAX_MS_DOC = "Largest backoff ceiling between two calls.";

    public static final String OCR_RETRY_DEADLINE_MS_CONFIG = "ocr.retry.deadline.ms";
    private static final String OCR_RETRY_DEADLINE_MS_DOC = "No retry starts later than this after the request was "
            + "accepted.";

    public static final String OCR_PAUSE_INITIAL_MS_CONFIG = "ocr.pause.initial.ms";
    private static final String OCR_PAUSE_INITIAL_MS_DOC = "After an account-wide error (AuthFailure.*, "
            + "UnauthorizedOperation.*, IP lists, UnOpenError, billing, ResourceUnavailable.*, ResourceInsufficient.*, "
            + "LimitExceeded.* other than the request rate and file size, UnknownParameter/MissingParameter), no OCR call is made for this long; the pause doubles while the error persists "
            + "and the backlog waits instead of failing.";

    public static final String OCR_PAUSE_MAX_MS_CONFIG = "ocr.pause.max.ms";
    private static final String OCR_PAUSE_MAX_MS_DOC = "Longest pause after account-wide errors.";

    // --- Worker (async processing) -----------------------------------------------------------------
    public static final String WORKER_PROCESSING_CONFIG = "worker.processing";
    private static final String WORKER_PROCESSING_DOC = "async: calls made by an instance-wide dispatcher while the "
            + "stream thread keeps consuming, pending requests and the idempotency ledger in changelogged state "
            + "stores, durable retries. blocking: one call at a time on the stream thread (simple; the benchmark's "
            + "baseline; no retries or ledger).";

    public static final String WORKER_MAX_PENDING_PER_PARTITION_CONFIG = "worker.max.pending.per.partition";
    private static final String WORKER_MAX_PENDING_PER_PARTITION_DOC = "Accepted but unanswered live requests one "
            + "partition holds before it stops taking new ones.";

    public static final String WORKER_MAX_PENDING_REPLAYS_PER_PARTITION_CONFIG =
            "worker.max.pending.replays.per.partition";
    private static final String WORKER_MAX_PENDING_REPLAYS_PER_PARTITION_DOC = "Accepted but unanswered replays "
            + "(reprocess=true) one partition holds besides its live ones, so a replay waiting for its share of the "
            + "quota does not stop the partition from taking live requests. Each holds its request in memory until "
            + "called: with inline images, mind the heap.";

    public static final String WORKER_PENDING_FULL_WAIT_MS_CONFIG = "worker.pending.full.wait.ms";
    private static final String WORKER_PENDING_FULL_WAIT_MS_DOC = "How long a full partition waits for a slot "
            + "before it takes the next record anyway (counted in idcard_pending_overflow_total).";

    public static final String WORKER_MAX_IN_FLIGHT_CONFIG = "worker.max.in.flight";
    private static final String WORKER_MAX_IN_FLIGHT_DOC = "OCR calls under way at once in this instance (ocr.provider"
            + "=tencent; the local engine uses engine.concurrency). Must cover quota x call latency, e.g. 20/s x "
            + "1.5 s = 30.";

    public static final String WORKER_MAX_IN_FLIGHT_PER_PARTITION_CONFIG = "worker.max.in.flight.per.partition";
    private static final String WORKER_MAX_IN_FLIGHT_PER_PARTITION_DOC = "OCR calls under way at once for one "
            + "partition.";

    public static final String WORKER_POLL_INTERVAL_MS_CONFIG = "worker.poll.interval.ms";
    private static final String WORKER_POLL_INTERVAL_MS_DOC = "How often finished calls are turned into outcomes "
            + "when no record arrives (also Kafka Streams' poll.ms).";

    public static final String LEDGER_RETENTION_MS_CONFIG = "ledger.retention.ms";
    private static final String LEDGER_RETENTION_MS_DOC = "How long a request id is remembered: a repeat within this "
            + "time is answered from the ledger (duplicate=true) without a paid call, unless it asks to reprocess.";

    // --- Local engine ------------------------------------------------------------------------------
    public static final String ENGINE_CONCURRENCY_CONFIG = "engine.concurrency";
    private static final String ENGINE_CONCURRENCY_DOC = "Recognitions the local engine runs at once, each on up to "
            + "engine.threads.per.recognition cores (CPU-bound: at most the cores to spare). It is also the worker's "
            + "in-flight limit for the local engine; add instances to add CPU.";

    public static final String ENGINE_QUEUE_CAPACITY_CONFIG = "engine.queue.capacity";
    private static final String ENGINE_QUEUE_CAPACITY_DOC = "Recognitions waiting for the engine; beyond that a call "
            + "fails at once with ClientOverloaded.";

    public static final String ENGINE_MAX_IMAGE_PIXELS_CONFIG = "engine.max.image.pixels";
    private static final String ENGINE_MAX_IMAGE_PIXELS_DOC = "Largest width x height accepted, read from the image "
            + "header before decoding (decompression-bomb guard); larger images fail with "
            + "FailedOperation.ImageSizeTooLarge.";

    public static final String ENGINE_THREADS_PER_RECOGNITION_CONFIG = "engine.threads.per.recognition";
    private static final String ENGINE_THREADS_PER_RECOGNITION_DOC = "Threads one recognition may use: the text "
            + "detector runs on this many ONNX Runtime threads and a card's lines are recognised this many at a time. "
            + "2 lets one card use both cores of a 2-core machine; use 1 when engine.concurrency already fills the "
            + "cores.";

    // --- Tencent -----------------------------------------------------------------------------------
    public static final String TENCENT_ENDPOINT_CONFIG = "tencent.endpoint";
    private static final String TENCENT_ENDPOINT_DOC = "IDCardOCR endpoint host[:port]. Point it at an "
            + "idcard-stream serve instance to keep images on your premises.";

    public static final String TENCENT_PROTOCOL_CONFIG = "tencent.protocol";
    private static final String TENCENT_PROTOCOL_DOC = "https or http (http only for a server you run).";

    public static final String TENCENT_REGION_CONFIG = "tencent.region";
    private static final String TENCENT_REGION_DOC = "Tencent Cloud region sent as X-TC-Region.";

    public static final String TENCENT_SECRET_ID_CONFIG = "tencent.secret.id";
    private static final String TENCENT_SECRET_ID_DOC = "SecretId. Falls back to the TENCENTCLOUD_SECRET_ID "
            + "environment variable, then to tencent.secrets.file. Never logged.";

    public static final String TENCENT_SECRET_KEY_CONFIG = "tencent.secret.key";
    private static final String TENCENT_SECRET_KEY_DOC = "SecretKey. Falls back to the TENCENTCLOUD_SECRET_KEY "
            + "environment variable, then to tencent.secrets.file. Never logged.";

    public static final String TENCENT_SECRETS_FILE_CONFIG = "tencent.secrets.file";
    private static final String TENCENT_SECRETS_FILE_DOC = "Properties file with secret.id and secret.key (e.g. a "
            + "mounted Kubernetes secret); used when the key pair is not given otherwise.";

    public static final String TENCENT_CONNECT_TIMEOUT_MS_CONFIG = "tencent.connect.timeout.ms";
    private static final String TENCENT_CONNECT_TIMEOUT_MS_DOC = "TCP connect timeout (SDK default 60 s).";

    public static final String TENCENT_READ_TIMEOUT_MS_CONFIG = "tencent.read.timeout.ms";
    private static final String TENCENT_READ_TIMEOUT_MS_DOC = "Socket read and write timeout (SDK default: none).";

    public static final String TENCENT_EXECUTOR_THREADS_CONFIG = "tencent.executor.threads";
    private static final String TENCENT_EXECUTOR_THREADS_DOC = "Threads making blocking SDK calls.";

    public static final String TENCENT_EXECUTOR_QUEUE_CONFIG = "tencent.executor.queue.size";
    private static final String TENCENT_EXECUTOR_QUEUE_DOC = "Calls that may wait for a free SDK thread; beyond "
            + "that a call fails at once with ClientOverloaded.";

    // --- Operations (worker) ----------------------------------------------------------------------------
    public static final String OPS_HOST_CONFIG = "ops.host";
    private static final String OPS_HOST_DOC = "Address of the worker's operations endpoint (/healthz, /readyz, "
            + "/metrics). 0.0.0.0 in containers so probes and Prometheus can reach it.";

    public static final String OPS_PORT_CONFIG = "ops.port";
    private static final String OPS_PORT_DOC = "Port of the worker's operations endpoint; -1 turns it off, 0 picks "
            + "a free port.";

    // --- Server (`serve`, issue 4) and the guarded image fetcher ---------------------------------------
    public static final String SERVER_HOST_CONFIG = "server.host";
    private static final String SERVER_HOST_DOC = "Address the IDCardOCR-compatible HTTP API binds to. The default "
            + "keeps it on loopback; use 0.0.0.0 to serve other hosts.";

    public static final String SERVER_PORT_CONFIG = "server.port";
    private static final String SERVER_PORT_DOC = "TCP port of the IDCardOCR-compatible HTTP API; 0 picks a free "
            + "port (printed at startup).";

    public static final String SERVER_RATE_LIMIT_RPS_CONFIG = "server.rate.limit.rps";
    private static final String SERVER_RATE_LIMIT_RPS_DOC = "Requests per second each SecretId may make (token "
            + "bucket, bursts up to the same number); beyond it the API answers RequestLimitExceeded. Tencent's "
            + "default for IDCardOCR is 20. 0 turns the limit off.";

    // --- Identity assembly (issue 13) ----------------------------------------------------------------
    public static final String ASSEMBLY_ENABLED_CONFIG = "assembly.enabled";
    private static final String ASSEMBLY_ENABLED_DOC = "Run identity assembly in the worker: the recognised and failed "
            + "outcomes of one application (subject id + the request's applicationId) become one IdentityAssembled "
            + "on topic.assembled, or one IdentityIncomplete on topic.incomplete at the deadline. Both topics must "
            + "exist, and topic.recognized and topic.failed must have the same partition count.";

    public static final String ASSEMBLY_DEADLINE_MS_CONFIG = "assembly.deadline.ms";
    private static final String ASSEMBLY_DEADLINE_MS_DOC = "How long after an application's first outcome (wall clock "
            + "at the worker) a missing or failed side ends it as IdentityIncomplete.";

    public static final String ASSEMBLY_DEADLINE_CHECK_INTERVAL_MS_CONFIG = "assembly.deadline.check.interval.ms";
    private static final String ASSEMBLY_DEADLINE_CHECK_INTERVAL_MS_DOC = "How often (wall clock) assembly looks for "
            + "passed deadlines and expired state: an IdentityIncomplete comes up to this long after its deadline.";

    public static final String ASSEMBLY_STATE_RETENTION_MS_CONFIG = "assembly.state.retention.ms";
    private static final String ASSEMBLY_STATE_RETENTION_MS_DOC = "How long a decided application (its normalised "
            + "card fields, no images) is kept after its last revision, so that reprocessed sides re-assemble as the "
            + "next revision. Later ones start again at revision 1.";

    public static final String SERVER_QUEUE_CAPACITY_CONFIG = "server.queue.capacity";
    private static final String SERVER_QUEUE_CAPACITY_DOC = "Requests accepted for recognition and not yet answered "
            + "(downloading, waiting for or inside the recogniser). When full, a new request is answered "
            + "RequestLimitExceeded at once.";

    public static final String SERVER_WORKERS_CONFIG = "server.workers";
    private static final String SERVER_WORKERS_DOC = "Threads that download ImageUrl images, and as many that write "
            + "answers. Requests are read on one thread per connection (server.max.connections); recognition runs "
            + "on the recogniser's own threads.";

    public static final String SERVER_MAX_CONNECTIONS_CONFIG = "server.max.connections";
    private static final String SERVER_MAX_CONNECTIONS_DOC = "Open connections to the API port in all, each read "
            + "on its own thread so a slow client holds only its own; past it a new connection is closed at once "
            + "(idcard_server_connections_rejected_total).";

    public static final String SERVER_MAX_CONNECTIONS_PER_ADDRESS_CONFIG = "server.max.connections.per.address";
    private static final String SERVER_MAX_CONNECTIONS_PER_ADDRESS_DOC = "Open connections to the API port from "
            + "one client address; past it a new connection from that address is closed at once, so one client "
            + "cannot take every place. 0 = no cap; raise it (or use 0) behind a proxy or NAT, where many clients "
            + "share one address, and for a worker calling this server, which holds up to worker.max.in.flight "
            + "connections (at 16, a worker makes at most 16 calls per OCR latency: 16/s at 1 s).";

    public static final String SERVER_HEADER_TIMEOUT_MS_CONFIG = "server.header.timeout.ms";
    private static final String SERVER_HEADER_TIMEOUT_MS_DOC = "Time a client has to send the request line and "
            + "all headers, counted from the connection's accept (not per byte, so trickling does not extend it); "
            + "then the connection is closed (idcard_server_connections_timed_out_total).";

    public static final String SERVER_BODY_TIMEOUT_MS_CONFIG = "server.body.timeout.ms";
    private static final String SERVER_BODY_TIMEOUT_MS_DOC = "Time a client has to send the whole request body, "
            + "counted from the end of its headers; then the connection is closed. 30 s carries the 6 MiB "
            + "ImageBase64 limit at 2 Mbit/s.";

    public static final String SERVER_OPS_PORT_CONFIG = "server.ops.port";
    private static final String SERVER_OPS_PORT_DOC = "Port of a separate listener for /healthz, /readyz and "
            + "/metrics (on server.host), with its own threads that API clients cannot occupy: point liveness "
            + "probes here and scrape /metrics here, which the API port then no longer serves (its clients need "
            + "not see the traffic and error mix). -1 = no separate listener: all three on the API port.";

    public static final String SERVER_KEYS_FILE_CONFIG = "server.keys.file";
    private static final String SERVER_KEYS_FILE_DOC = "Properties file of the SecretId/SecretKey pairs the API "
            + "accepts: lines SecretId=SecretKey, and/or one pair as secret.id=... and secret.key=... (the "
            + "tencent.secrets.file format). Used when TENCENTCLOUD_SECRET_ID/TENCENTCLOUD_SECRET_KEY are unset; "
            + "when the file does not exist, serve generates a pair and writes it there, readable only by its "
            + "owner. Keys are never logged or printed.";

    public static final String SERVER_MAX_BODY_BYTES_CONFIG = "server.max.body.bytes";
    private static final String SERVER_MAX_BODY_BYTES_DOC = "Largest request body read; larger ones are answered "
            + "RequestSizeLimitExceeded. Keep it above the 6 MiB ImageBase64 limit plus JSON, so an oversized "
            + "ImageBase64 gets the API's FailedOperation.ImageSizeTooLarge.";

    public static final String SERVER_REQUEST_TIMEOUT_MS_CONFIG = "server.request.timeout.ms";
    private static final String SERVER_REQUEST_TIMEOUT_MS_DOC = "Deadline of one API request from acceptance to "
            + "answer (image download plus recognition); a request that misses it is answered InternalError.";

    public static final String SERVER_WEB_ENABLED_CONFIG = "server.web.enabled";
    private static final String SERVER_WEB_ENABLED_DOC = "Serve the try-one-image page at GET /try. The page "
            + "signs its calls in the browser with a SecretId/SecretKey typed into it and sends them to POST /, so "
            + "authentication, the rate limit, admission, size limits and the SSRF guard apply unchanged. Off by "
            + "default: /try answers 404.";

    public static final String FETCH_TIMEOUT_MS_CONFIG = "fetch.timeout.ms";
    private static final String FETCH_TIMEOUT_MS_DOC = "Total deadline of one ImageUrl download, name resolution, "
            + "redirects and body included (the API's limit is 3 s); failing it gives FailedOperation.DownLoadError.";

    public static final String FETCH_MAX_BYTES_CONFIG = "fetch.max.bytes";
    private static final String FETCH_MAX_BYTES_DOC = "Largest ImageUrl image downloaded, in bytes. The default is "
            + "the API's limit (3 MiB after Base64 encoding = 2,359,296 bytes); larger images give "
            + "FailedOperation.ImageSizeTooLarge.";

    public static final String FETCH_MAX_REDIRECTS_CONFIG = "fetch.max.redirects";
    private static final String FETCH_MAX_REDIRECTS_DOC = "Redirects followed per ImageUrl download; every hop is "
            + "checked by the address guard again.";

    public static final String FETCH_ALLOW_LOOPBACK_CONFIG = "fetch.allow.loopback";
    private static final String FETCH_ALLOW_LOOPBACK_DOC = "Allow ImageUrl downloads from loopback addresses "
            + "(127.0.0.0/8, ::1). Off by default: a URL could otherwise reach services on the server's own host.";

    public static final String FETCH_ALLOW_PRIVATE_CONFIG = "fetch.allow.private";
    private static final String FETCH_ALLOW_PRIVATE_DOC = "Allow ImageUrl downloads from private addresses (RFC 1918, "
            + "100.64.0.0/10 CGNAT, fc00::/7 ULA), e.g. in-house object storage. Link-local, cloud metadata "
            + "(169.254.169.254, fd00:ec2::254), multicast, unspecified and reserved addresses are always refused.";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS_CONFIG, Type.LIST, "127.0.0.1:9092", HIGH, BOOTSTRAP_SERVERS_DOC)
            .define(APPLICATION_ID_CONFIG, Type.STRING, "idcard-stream", new NonEmptyString(), HIGH,
                    APPLICATION_ID_DOC)
            .define(PROCESSING_GUARANTEE_CONFIG, Type.STRING, "exactly_once_v2",
                    in("exactly_once_v2", "at_least_once"), MEDIUM, PROCESSING_GUARANTEE_DOC)
            .define(NUM_STREAM_THREADS_CONFIG, Type.INT, 1, between(1, 64), MEDIUM, NUM_STREAM_THREADS_DOC)
            .define(GROUP_INSTANCE_ID_CONFIG, Type.STRING, "", MEDIUM, GROUP_INSTANCE_ID_DOC)
            .define(STATE_DIR_CONFIG, Type.STRING, "data/state", new NonEmptyString(), MEDIUM, STATE_DIR_DOC)
            .define(STATE_ROCKSDB_MEMORY_BYTES_CONFIG, Type.LONG, 64L << 20, between(4L << 20, 64L << 30), MEDIUM,
                    STATE_ROCKSDB_MEMORY_BYTES_DOC)
            .define(COMMIT_INTERVAL_MS_CONFIG, Type.LONG, 50L, atLeast(1), LOW, COMMIT_INTERVAL_MS_DOC)
            .define(TRANSACTION_TIMEOUT_MS_CONFIG, Type.INT, 60_000, atLeast(1_000), LOW,
                    TRANSACTION_TIMEOUT_MS_DOC)
            .define(REPLICATION_FACTOR_CONFIG, Type.INT, -1, atLeast(-1), LOW, REPLICATION_FACTOR_DOC)
            .define(TOPIC_REQUESTS_CONFIG, Type.STRING, "idcard.ocr.requests", new NonEmptyString(), HIGH,
                    TOPIC_REQUESTS_DOC)
            .define(TOPIC_RECOGNIZED_CONFIG, Type.STRING, "idcard.ocr.recognized", new NonEmptyString(), HIGH,
                    TOPIC_RECOGNIZED_DOC)
            .define(TOPIC_FAILED_CONFIG, Type.STRING, "idcard.ocr.failed", new NonEmptyString(), HIGH,
                    TOPIC_FAILED_DOC)
            .define(TOPIC_DLQ_CONFIG, Type.STRING, "idcard.ocr.requests.dlq", new NonEmptyString(), HIGH,
                    TOPIC_DLQ_DOC)
            .define(TOPIC_ASSEMBLED_CONFIG, Type.STRING, "idcard.identity.assembled", new NonEmptyString(), MEDIUM,
                    TOPIC_ASSEMBLED_DOC)
            .define(TOPIC_INCOMPLETE_CONFIG, Type.STRING, "idcard.identity.incomplete", new NonEmptyString(), MEDIUM,
                    TOPIC_INCOMPLETE_DOC)
            .define(ASSEMBLY_ENABLED_CONFIG, Type.BOOLEAN, false, MEDIUM, ASSEMBLY_ENABLED_DOC)
            .define(ASSEMBLY_DEADLINE_MS_CONFIG, Type.LONG, 30L * 60_000, between(100L, 30L * 24 * 3_600_000), MEDIUM,
                    ASSEMBLY_DEADLINE_MS_DOC)
            .define(ASSEMBLY_DEADLINE_CHECK_INTERVAL_MS_CONFIG, Type.INT, 5_000, between(10, 3_600_000), LOW,
                    ASSEMBLY_DEADLINE_CHECK_INTERVAL_MS_DOC)
            .define(ASSEMBLY_STATE_RETENTION_MS_CONFIG, Type.LONG, 7L * 24 * 3_600_000,
                    between(0L, 365L * 24 * 3_600_000), MEDIUM, ASSEMBLY_STATE_RETENTION_MS_DOC)
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.STRING, "http://127.0.0.1:8081", new NonEmptyString(), HIGH,
                    SCHEMA_REGISTRY_URL_DOC)
            .define(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_CONFIG, Type.PASSWORD, "", MEDIUM,
                    SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO_DOC)
            .define(SCHEMA_REGISTRY_BEARER_AUTH_TOKEN_CONFIG, Type.PASSWORD, "", MEDIUM,
                    SCHEMA_REGISTRY_BEARER_AUTH_TOKEN_DOC)
            .define(SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION_CONFIG, Type.STRING, "", MEDIUM,
                    SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION_DOC)
            .define(SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, "", MEDIUM,
                    "Password of the registry trust store.")
            .define(SCHEMA_REGISTRY_SSL_TRUSTSTORE_TYPE_CONFIG, Type.STRING, "PKCS12", in("PKCS12", "JKS"), LOW,
                    "Format of the registry trust store.")
            .define(SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION_CONFIG, Type.STRING, "", MEDIUM,
                    SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION_DOC)
            .define(SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD_CONFIG, Type.PASSWORD, "", MEDIUM,
                    "Password of the registry key store.")
            .define(SCHEMA_REGISTRY_SSL_KEYSTORE_TYPE_CONFIG, Type.STRING, "PKCS12", in("PKCS12", "JKS"), LOW,
                    "Format of the registry key store.")
            .define(SCHEMA_REGISTRY_SSL_KEY_PASSWORD_CONFIG, Type.PASSWORD, "", LOW, "Password of the key in the "
                    + "registry key store, when it differs from the store's.")
            .define(AUTO_REGISTER_SCHEMAS_CONFIG, Type.BOOLEAN, true, MEDIUM, AUTO_REGISTER_SCHEMAS_DOC)
            .define(SCHEMA_REGISTRY_TIMEOUT_MS_CONFIG, Type.INT, 10_000, between(100, 300_000), LOW,
                    SCHEMA_REGISTRY_TIMEOUT_MS_DOC)
            .define(OCR_PROVIDER_CONFIG, Type.STRING, "local", in("local", "tencent"), HIGH, OCR_PROVIDER_DOC)
            .define(OCR_QUOTA_RPS_CONFIG, Type.DOUBLE, 20.0, between(0.01, 100_000), HIGH, OCR_QUOTA_RPS_DOC)
            .define(OCR_QUOTA_PARTITIONS_CONFIG, Type.INT, 0, between(0, 100_000), MEDIUM,
                    OCR_QUOTA_PARTITIONS_DOC)
            .define(OCR_CALL_TIMEOUT_MS_CONFIG, Type.INT, 15_000, between(100, 600_000), MEDIUM,
                    OCR_CALL_TIMEOUT_MS_DOC)
            .define(OCR_RATE_MAX_WAIT_MS_CONFIG, Type.INT, 10_000, between(0, 600_000), LOW,
                    OCR_RATE_MAX_WAIT_MS_DOC)
            .define(IMAGE_INLINE_MAX_BYTES_CONFIG, Type.INT, 1 << 20, between(1_024, 64 << 20), MEDIUM,
                    IMAGE_INLINE_MAX_BYTES_DOC)
            .define(CROP_MAX_BYTES_CONFIG, Type.INT, 256 << 10, between(0, 16 << 20), LOW, CROP_MAX_BYTES_DOC)
            .define(OPS_HOST_CONFIG, Type.STRING, "127.0.0.1", new NonEmptyString(), MEDIUM, OPS_HOST_DOC)
            .define(OPS_PORT_CONFIG, Type.INT, 9400, between(-1, 65_535), MEDIUM, OPS_PORT_DOC)
            .define(OCR_QUOTA_SAFETY_MARGIN_CONFIG, Type.DOUBLE, 0.02, between(0.0, 0.5), LOW,
                    OCR_QUOTA_SAFETY_MARGIN_DOC)
            .define(OCR_RETRY_MAX_ATTEMPTS_CONFIG, Type.INT, 5, between(1, 100), MEDIUM, OCR_RETRY_MAX_ATTEMPTS_DOC)
            .define(OCR_RETRY_BACKOFF_INITIAL_MS_CONFIG, Type.INT, 500, between(1, 600_000), LOW,
                    OCR_RETRY_BACKOFF_INITIAL_MS_DOC)
            .define(OCR_RETRY_BACKOFF_MAX_MS_CONFIG, Type.INT, 30_000, between(1, 3_600_000), LOW,
                    OCR_RETRY_BACKOFF_MAX_MS_DOC)
            .define(OCR_RETRY_DEADLINE_MS_CONFIG, Type.LONG, 300_000L, between(0, 86_400_000L), MEDIUM,
                    OCR_RETRY_DEADLINE_MS_DOC)
            .define(OCR_PAUSE_INITIAL_MS_CONFIG, Type.INT, 30_000, between(10, 3_600_000), LOW,
                    OCR_PAUSE_INITIAL_MS_DOC)
            .define(OCR_PAUSE_MAX_MS_CONFIG, Type.INT, 300_000, between(10, 86_400_000), LOW, OCR_PAUSE_MAX_MS_DOC)
            .define(WORKER_PROCESSING_CONFIG, Type.STRING, "async", in("async", "blocking"), MEDIUM,
                    WORKER_PROCESSING_DOC)
            .define(WORKER_MAX_PENDING_PER_PARTITION_CONFIG, Type.INT, 64, between(1, 100_000), LOW,
                    WORKER_MAX_PENDING_PER_PARTITION_DOC)
            .define(WORKER_MAX_PENDING_REPLAYS_PER_PARTITION_CONFIG, Type.INT, 512, between(1, 100_000), LOW,
                    WORKER_MAX_PENDING_REPLAYS_PER_PARTITION_DOC)
            .define(WORKER_PENDING_FULL_WAIT_MS_CONFIG, Type.INT, 2_000, between(0, 600_000), LOW,
                    WORKER_PENDING_FULL_WAIT_MS_DOC)
            .define(WORKER_MAX_IN_FLIGHT_CONFIG, Type.INT, 64, between(1, 10_000), MEDIUM, WORKER_MAX_IN_FLIGHT_DOC)
            .define(WORKER_MAX_IN_FLIGHT_PER_PARTITION_CONFIG, Type.INT, 16, between(1, 10_000), LOW,
                    WORKER_MAX_IN_FLIGHT_PER_PARTITION_DOC)
            .define(WORKER_POLL_INTERVAL_MS_CONFIG, Type.INT, 10, between(1, 1_000), LOW,
                    WORKER_POLL_INTERVAL_MS_DOC)
            .define(LEDGER_RETENTION_MS_CONFIG, Type.LONG, 7L * 24 * 3_600_000, between(1_000L, 365L * 24 * 3_600_000),
                    MEDIUM, LEDGER_RETENTION_MS_DOC)
            .define(ENGINE_CONCURRENCY_CONFIG, Type.INT, 1, between(1, 256), MEDIUM, ENGINE_CONCURRENCY_DOC)
            .define(ENGINE_QUEUE_CAPACITY_CONFIG, Type.INT, 32, between(0, 100_000), LOW, ENGINE_QUEUE_CAPACITY_DOC)
            .define(ENGINE_MAX_IMAGE_PIXELS_CONFIG, Type.LONG, 40_000_000L, between(1, 1_000_000_000L), LOW,
                    ENGINE_MAX_IMAGE_PIXELS_DOC)
            .define(ENGINE_THREADS_PER_RECOGNITION_CONFIG, Type.INT, 2, between(1, 64), LOW,
                    ENGINE_THREADS_PER_RECOGNITION_DOC)
            .define(TENCENT_ENDPOINT_CONFIG, Type.STRING, "ocr.tencentcloudapi.com", new NonEmptyString(), MEDIUM,
                    TENCENT_ENDPOINT_DOC)
            .define(TENCENT_PROTOCOL_CONFIG, Type.STRING, "https", in("https", "http"), MEDIUM,
                    TENCENT_PROTOCOL_DOC)
            .define(TENCENT_REGION_CONFIG, Type.STRING, "ap-guangzhou", MEDIUM, TENCENT_REGION_DOC)
            .define(TENCENT_SECRET_ID_CONFIG, Type.PASSWORD, null, HIGH, TENCENT_SECRET_ID_DOC)
            .define(TENCENT_SECRET_KEY_CONFIG, Type.PASSWORD, null, HIGH, TENCENT_SECRET_KEY_DOC)
            .define(TENCENT_SECRETS_FILE_CONFIG, Type.STRING, "", MEDIUM, TENCENT_SECRETS_FILE_DOC)
            .define(TENCENT_CONNECT_TIMEOUT_MS_CONFIG, Type.INT, 5_000, between(100, 600_000), LOW,
                    TENCENT_CONNECT_TIMEOUT_MS_DOC)
            .define(TENCENT_READ_TIMEOUT_MS_CONFIG, Type.INT, 10_000, between(100, 600_000), LOW,
                    TENCENT_READ_TIMEOUT_MS_DOC)
            .define(TENCENT_EXECUTOR_THREADS_CONFIG, Type.INT, 64, between(1, 1_024), LOW,
                    TENCENT_EXECUTOR_THREADS_DOC)
            .define(TENCENT_EXECUTOR_QUEUE_CONFIG, Type.INT, 64, between(0, 100_000), LOW,
                    TENCENT_EXECUTOR_QUEUE_DOC)
            // --- Server (`serve`, issue 4) and the guarded image fetcher ---
            .define(SERVER_HOST_CONFIG, Type.STRING, "127.0.0.1", new NonEmptyString(), HIGH, SERVER_HOST_DOC)
            .define(SERVER_PORT_CONFIG, Type.INT, 8090, between(0, 65_535), HIGH, SERVER_PORT_DOC)
            .define(SERVER_RATE_LIMIT_RPS_CONFIG, Type.INT, 20, between(0, 1_000_000), HIGH,
                    SERVER_RATE_LIMIT_RPS_DOC)
            .define(SERVER_QUEUE_CAPACITY_CONFIG, Type.INT, 64, between(1, 100_000), MEDIUM,
                    SERVER_QUEUE_CAPACITY_DOC)
            .define(SERVER_WORKERS_CONFIG, Type.INT, 8, between(1, 1_024), MEDIUM, SERVER_WORKERS_DOC)
            .define(SERVER_MAX_CONNECTIONS_CONFIG, Type.INT, 256, between(1, 100_000), MEDIUM,
                    SERVER_MAX_CONNECTIONS_DOC)
            .define(SERVER_MAX_CONNECTIONS_PER_ADDRESS_CONFIG, Type.INT, 16, between(0, 100_000), MEDIUM,
                    SERVER_MAX_CONNECTIONS_PER_ADDRESS_DOC)
            .define(SERVER_HEADER_TIMEOUT_MS_CONFIG, Type.INT, 10_000, between(100, 600_000), MEDIUM,
                    SERVER_HEADER_TIMEOUT_MS_DOC)
            .define(SERVER_BODY_TIMEOUT_MS_CONFIG, Type.INT, 30_000, between(100, 600_000), MEDIUM,
                    SERVER_BODY_TIMEOUT_MS_DOC)
            .define(SERVER_OPS_PORT_CONFIG, Type.INT, -1, between(-1, 65_535), MEDIUM, SERVER_OPS_PORT_DOC)
            .define(SERVER_KEYS_FILE_CONFIG, Type.STRING, "data/serve-keys.properties", new NonEmptyString(), HIGH,
                    SERVER_KEYS_FILE_DOC)
            .define(SERVER_MAX_BODY_BYTES_CONFIG, Type.INT, 12 << 20, between(1_024, 256 << 20), MEDIUM,
                    SERVER_MAX_BODY_BYTES_DOC)
            .define(SERVER_REQUEST_TIMEOUT_MS_CONFIG, Type.INT, 30_000, between(100, 600_000), MEDIUM,
                    SERVER_REQUEST_TIMEOUT_MS_DOC)
            .define(SERVER_WEB_ENABLED_CONFIG, Type.BOOLEAN, false, LOW, SERVER_WEB_ENABLED_DOC)
            .define(FETCH_TIMEOUT_MS_CONFIG, Type.INT, 3_000, between(100, 600_000), MEDIUM, FETCH_TIMEOUT_MS_DOC)
            .define(FETCH_MAX_BYTES_CONFIG, Type.INT, 2_359_296, between(1, 256 << 20), MEDIUM, FETCH_MAX_BYTES_DOC)
            .define(FETCH_MAX_REDIRECTS_CONFIG, Type.INT, 3, between(0, 20), LOW, FETCH_MAX_REDIRECTS_DOC)
            .define(FETCH_ALLOW_LOOPBACK_CONFIG, Type.BOOLEAN, false, MEDIUM, FETCH_ALLOW_LOOPBACK_DOC)
            .define(FETCH_ALLOW_PRIVATE_CONFIG, Type.BOOLEAN, false, MEDIUM, FETCH_ALLOW_PRIVATE_DOC);

    public IdCardStreamConfig(Map<?, ?> values) {
        super(DEFINITION, values, false);
        if (getInt(TRANSACTION_TIMEOUT_MS_CONFIG) <= getInt(OCR_RATE_MAX_WAIT_MS_CONFIG)
                + getInt(OCR_CALL_TIMEOUT_MS_CONFIG)) {
            // The blocking processor holds a transaction open for a token wait plus a call.
            throw new org.apache.kafka.common.config.ConfigException(TRANSACTION_TIMEOUT_MS_CONFIG,
                    getInt(TRANSACTION_TIMEOUT_MS_CONFIG), "must be greater than " + OCR_RATE_MAX_WAIT_MS_CONFIG
                            + " + " + OCR_CALL_TIMEOUT_MS_CONFIG + " ("
                            + (getInt(OCR_RATE_MAX_WAIT_MS_CONFIG) + getInt(OCR_CALL_TIMEOUT_MS_CONFIG)) + ")");
        }
        checkTransactionBudget();
    }

    private void checkTransactionBudget() {
        int transaction = getInt(TRANSACTION_TIMEOUT_MS_CONFIG);
        if (transaction <= 2 * getInt(WORKER_PENDING_FULL_WAIT_MS_CONFIG)) {
            // A full task waits inside a transaction; it must end well before the broker aborts it.
            throw new org.apache.kafka.common.config.ConfigException(WORKER_PENDING_FULL_WAIT_MS_CONFIG,
                    getInt(WORKER_PENDING_FULL_WAIT_MS_CONFIG), "must be less than half of "
                            + TRANSACTION_TIMEOUT_MS_CONFIG + " (" + transaction + ")");
        }
    }

    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    /** The {@code kafka.}-prefixed settings with the prefix removed. */
    public Map<String, Object> kafkaOverrides() {
        return new TreeMap<>(originalsWithPrefix(KAFKA_PREFIX, true));
    }

    /** The environment variable that overrides {@code key}: {@code IDCARD_} + upper snake case. */
    public static String environmentName(String key) {
        return "IDCARD_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The configuration table in Markdown, as the README shows it. */
    public static String toMarkdownTable() {
        StringBuilder table = new StringBuilder("| key | environment | type | default | valid values | description |\n");
        table.append("|---|---|---|---|---|---|\n");
        for (ConfigDef.ConfigKey key : new TreeMap<>(DEFINITION.configKeys()).values()) {
            String defaultValue = key.hasDefault()
                    ? (key.defaultValue == null ? "" : ConfigDef.convertToString(key.defaultValue, key.type))
                    : "(required)";
            if (key.type == Type.PASSWORD) {
                defaultValue = "";
            }
            table.append("| `").append(key.name).append("` | `").append(environmentName(key.name)).append("` | ")
                    .append(key.type.name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(defaultValue.isEmpty() ? "" : "`" + defaultValue + "`").append(" | ")
                    .append(key.validator == null ? "" : key.validator.toString().replace("|", "\\|")).append(" | ")
                    .append(key.documentation.replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }
}
