/**
 * Identity assembly: the second part of the worker's topology. The recognised and failed outcomes of one
 * application (record key = subjectId, plus the outcome's applicationId) are joined into one
 * {@code IdentityAssembled} with consistency flags, or end as one {@code IdentityIncomplete} at the application's
 * deadline. See docs/assembly.md for the contract.
 *
 * <p>May import kafka-streams, events, identity and serde-free Kafka types; never app, worker, ocr, engine,
 * server or fetch (the wiring lives in app, so the worker does not depend on this package either).
 */
package io.idcardstream.assembly;
