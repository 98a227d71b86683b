package io.idcardstream.serde;

import io.idcardstream.serde.SchemaRegistryException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts the registry in the state the {@link SubjectPolicy}s describe ({@link #apply}), and tells what differs from
 * it ({@link #check}). Production runs with {@code auto.register.schemas=false}: {@code idcard-stream schemas apply}
 * registers the schemas and sets each subject's level with credentials allowed to, and {@code run} checks before
 * it consumes anything.
 *
 * <p>The subjects this application writes hold its schemas. A subject it only reads (the requests) belongs to its
 * producers: its level is set and this version's schema is tested against it, but registered only while the
 * subject has no version at all, so a new registry can be bootstrapped without making this reader the producers'
 * latest version.
 */
public final class SubjectGovernance {
    private final RestSchemaRegistry registry;

    public SubjectGovernance(RestSchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * What a subject holds against its policy.
     *
     * @param levelUnreadable why the subject's level could not be read (e.g. a principal without that permission),
     *     or {@code null}
     */
    public record SubjectState(SubjectPolicy policy, Optional<Integer> schemaId, Optional<String> compatibility,
            String levelUnreadable) {

        public boolean registered() {
            return schemaId.isPresent();
        }

        public boolean levelAsRequired() {
            return compatibility.filter(level -> level.equals(policy.compatibility().name())).isPresent();
        }

        /** Registered where this application writes, at the required level. */
        public boolean asRequired() {
            return (registered() || !policy.mustBeRegistered()) && levelAsRequired();
        }

        /** One line for the operator, without schema text. */
        public String describe() {
            String schema = "schema " + policy.schema().getFullName();
            return policy.subject() + ": " + (registered() ? schema + " id " + schemaId.get()
                    : policy.mustBeRegistered() ? schema + " NOT registered"
                    : schema + " not registered (its producers own this subject)")
                    + ", compatibility " + (levelUnreadable != null ? "unreadable (" + levelUnreadable + ")"
                            : compatibility.orElse("(the registry's global level)"))
                    + (levelAsRequired() ? "" : ", required " + policy.compatibility().name());
        }
    }

    /**
     * Sets each subject's level, then registers its schema, so the registration is already checked against the
     * level. A subject the registry does not know yet is registered first (some registries keep no level for a
     * subject without versions).
     *
     * @throws SchemaRegistryException when the registry refuses, e.g. a schema incompatible with earlier versions
     */
    public List<SubjectState> apply(List<SubjectPolicy> policies) {
        List<SubjectState> states = new ArrayList<>();
        for (SubjectPolicy policy : policies) {
            String level = policy.compatibility().name();
            boolean subjectExists = exists(policy.subject());
            if (subjectExists) {
                registry.setCompatibility(policy.subject(), level);
            }
            if (policy.mustBeRegistered() || !subjectExists) {
                registry.register(policy.subject(), policy.schema());
            } else if (!registry.isCompatible(policy.subject(), policy.schema())) {
                throw new SchemaRegistryException(Reason.INCOMPATIBLE, "This version's " + policy.schema()
                        .getFullName() + " cannot read what the producers of '" + policy.subject() + "' register, at "
                        + level + "; upgrade the producers' schema or this reader in step");
            }
            if (!subjectExists) {
                registry.setCompatibility(policy.subject(), level);
            }
            states.add(state(policy));
        }
        return states;
    }

    /** Each subject's state; changes nothing. */
    public List<SubjectState> check(List<SubjectPolicy> policies) {
        return policies.stream().map(this::state).toList();
    }

    /**
     * The check {@code run} makes before it starts when it may not register schemas itself.
     *
     * @return the subjects not at their required level, or whose level could not be read (a warning: the registry
     *     still works)
     * @throws SchemaRegistryException ({@link Reason#NOT_FOUND}) naming every subject the application writes that
     *     does not hold its schema: its first record there would fail
     */
    public List<SubjectState> requireWritable(List<SubjectPolicy> policies) {
        List<SubjectState> states = check(policies);
        List<String> missing = states.stream().filter(state -> state.policy().mustBeRegistered()
                && !state.registered()).map(SubjectState::describe).toList();
        if (!missing.isEmpty()) {
            throw new SchemaRegistryException(Reason.NOT_FOUND, "auto.register.schemas=false and " + registry
                    + " lacks this version's schemas: " + String.join("; ", missing)
                    + ". Run `idcard-stream schemas apply` with credentials allowed to register them");
        }
        return states.stream().filter(state -> !state.levelAsRequired()).toList();
    }

    private SubjectState state(SubjectPolicy policy) {
        Optional<Integer> id = idOf(policy);
        try {
            return new SubjectState(policy, id, registry.compatibility(policy.subject()), null);
        } catch (SchemaRegistryException e) {
            // The level only informs: a principal may read schemas without reading levels
            return new SubjectState(policy, id, Optional.empty(), e.reason() + ": " + e.getMessage());
        }
    }

    private Optional<Integer> idOf(SubjectPolicy policy) {
        try {
            return Optional.of(registry.idOf(policy.subject(), policy.schema()));
        } catch (SchemaRegistryException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private boolean exists(String subject) {
        try {
            registry.latest(subject);
            return true;
        } catch (SchemaRegistryException e) {
            if (e.reason() == Reason.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
