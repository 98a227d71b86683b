package io.idcardstream.worker;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/** A topic's name travelling with its key and value serdes, so the two are never mismatched. */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }
}
