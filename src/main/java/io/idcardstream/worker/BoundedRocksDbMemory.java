package io.idcardstream.worker;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Caps what RocksDB takes outside the heap, for every store of this process together (the ledger, the pending
 * store, identity assembly's state): one block cache holds the memtables (through a WriteBufferManager), the
 * index and filter blocks and the data blocks, so the total stays near {@value #MEMORY_BYTES_CONFIG} however
 * many stores and tasks an instance has. Without it each store gets its own 50 MB cache and up to 3 x 16 MB of
 * memtables, and a pod that gains tasks in a rebalance can outgrow its memory limit. This is the pattern of Kafka
 * Streams' memory-management documentation.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** The Streams config key (passed through to this class) carrying the byte budget. */
    public static final String MEMORY_BYTES_CONFIG = "idcard.rocksdb.memory.bytes";

    /** Of the budget, what memtables may take; the rest caches blocks. */
    private static final double MEMTABLE_SHARE = 0.5;
    /** Of the cache, reserved for index and filter blocks (high priority), so lookups stay fast under pressure. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;
    private static final long MEMTABLE_BYTES = 8L << 20;
    private static final int MEMTABLES_PER_STORE = 2;

    private static SharedMemory shared;

    /** One cache and one write buffer manager per process, made on first use with the first budget seen. */
    record SharedMemory(long budget, Cache cache, WriteBufferManager writeBuffers) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        SharedMemory memory = shared(budget(configs));
        BlockBasedTableConfigWithAccessibleCache table =
                (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setWriteBufferSize(Math.min(MEMTABLE_BYTES, Math.max(1L << 20, memory.budget() / 8)));
        options.setMaxWriteBufferNumber(MEMTABLES_PER_STORE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the process: never closed here.
    }

    static synchronized SharedMemory shared(long budget) {
        if (shared == null) {
            RocksDB.loadLibrary(); // Streams has loaded it before any store opens; a direct caller may not have
            Cache cache = new LRUCache(budget, -1, false, INDEX_AND_FILTER_SHARE);
            shared = new SharedMemory(budget, cache, new WriteBufferManager((long) (budget * MEMTABLE_SHARE),
                    cache));
        }
        return shared;
    }

    private static long budget(Map<String, Object> configs) {
        Object value = configs.get(MEMORY_BYTES_CONFIG);
        if (value == null) {
            throw new IllegalStateException(MEMORY_BYTES_CONFIG + " is not set: WorkerStreamsConfig sets it");
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }
}
