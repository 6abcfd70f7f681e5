package dev.oversell.design;

import dev.oversell.engine.Engine;
import dev.oversell.model.Inventory;
import dev.oversell.script.PurchaseScript;

import javax.sql.DataSource;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A design whose stock lives in a database. It claims one thing per {@link Engine} and {@link Deployment}: the
 * same SQL is safe on one engine and not on another, and a JVM monitor protects nothing once two app instances
 * share the database. Every shape is plain JDBC underneath, and the interleaving checker schedules its statements
 * as they are sent (one gate for all):
 * <ul>
 *   <li>code over a {@link DataSource} with its own tables ({@link Builder#overDataSource}: a Spring service, a JPA
 *       repository, a DAO; or {@link Builder#jdbc} for one purchase method): every interleaving of its
 *       statements, load runs, several instances;</li>
 *   <li>a {@link PurchaseScript} over Oversell's own tables, run by the runtime's {@code TransactionalInventory}:
 *       the same;</li>
 *   <li>a service built over the runtime's store of those tables ({@link StoreInventoryFactory}): a monitor, an
 *       actor or anything else in front of the statements, whose statements may run on threads of its own;
 *       checked by load runs and with several instances.</li>
 * </ul>
 * This is the declaration only: how an instance is made over a database is the runtime's
 * ({@code dev.oversell.store.DatabaseDesigns}), so a project compiles its designs against this API alone.
 *
 * <pre>{@code
 * DatabaseDesign.named("shop-guarded-update")
 *         .overDataSource(ShopService.class, ShopSchema.TABLES, ShopService::new)   // or .jdbc(schema, dao::buy)
 *         .claimsOnEveryEngine(Claim.NEVER_OVERSELLS, Claim.NEVER_OVERSELLS)   // one instance, several instances
 *         .mechanism("UPDATE ... WHERE stock >= ?")
 *         .build();
 * }</pre>
 */
public final class DatabaseDesign implements Design {

    private final String name;
    private final Class<?> type;
    private final PurchaseScript script;
    private final Service<?> service;
    private final JdbcSchema schema;
    private final DataSourceInventoryFactory overDataSource;
    private final Map<Engine, Map<Deployment, Claim>> claims;
    private final String mechanism;
    private final boolean deduplicatesRequestIds;
    private final boolean restocks;

    private DatabaseDesign(String name, Class<?> type, PurchaseScript script, Service<?> service,
                            JdbcSchema schema, DataSourceInventoryFactory overDataSource,
                            Map<Engine, Map<Deployment, Claim>> claims, String mechanism,
                            boolean deduplicatesRequestIds, boolean restocks) {
        this.deduplicatesRequestIds = deduplicatesRequestIds;
        this.restocks = restocks;
        this.name = name;
        this.type = type;
        this.script = script;
        this.service = service;
        this.schema = schema;
        this.overDataSource = overDataSource;
        this.claims = claims;
        this.mechanism = mechanism;
    }

    public static Builder named(String name) {
        return new Builder(Design.checkedName(name));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<?> type() {
        return type;
    }

    @Override
    public String mechanism() {
        return mechanism;
    }

    @Override
    public Execution execution() {
        return Execution.DATABASE;
    }

    /** What the design claims on {@code engine} in {@code deployment}. */
    public Claim claim(Deployment deployment, Engine engine) {
        return claims.get(engine).get(deployment);
    }

    /**
     * Whether a resubmitted request (the same id) gets its first answer and changes nothing, as the
     * {@link Inventory} contract asks. A design that declares it does not (many do not: request ids are a table
     * and a statement more) is checked on everything else, and the report says so.
     */
    public boolean deduplicatesRequestIds() {
        return deduplicatesRequestIds;
    }

    /**
     * Whether the design restocks. One declared without ({@link Builder#jdbc}, {@link Builder#doesNotRestock}) is
     * sent no restock by any check: the conformance suite leaves restocks out of its sequences, the interleaving
     * checker takes a plan with a restock as not applicable, the load runs sell the initial stock. A purchase is
     * never "not applicable": whatever a purchase throws is an error, and a restock that throws on a design that
     * declares restocks is one too.
     */
    public boolean restocks() {
        return restocks;
    }

    /** The purchase script, for a design written as one over Oversell's tables. */
    public Optional<PurchaseScript> purchaseScript() {
        return Optional.ofNullable(script);
    }

    /**
     * Whether the interleaving checker can schedule a purchase's statements: true for every design. Code over a data
     * source and scripts send them on the calling thread; a service over a store sends them there too (a monitor)
     * or on threads that carry the caller's context (an actor of {@code DefaultActorSystem.forStores()}, or any
     * executor that propagates Micrometer's context), and a service whose threads carry nothing is reported by the
     * checker as sending nothing it can schedule, never passed.
     */
    public boolean schedulable() {
        return true;
    }

    /** The design's own tables ({@link Builder#overDataSource}, {@link Builder#jdbc}); empty over Oversell's. */
    public Optional<JdbcSchema> tables() {
        return Optional.ofNullable(schema);
    }

    /** True if the design keeps its stock in tables of its own rather than in Oversell's store tables. */
    public boolean ownTables() {
        return schema != null;
    }

    /** How an instance is made over a data source, for a design over one ({@link Builder#overDataSource}). */
    public Optional<DataSourceInventoryFactory> dataSourceFactory() {
        return Optional.ofNullable(overDataSource);
    }

    /** How an instance is made over a store, for a service built over one ({@link Builder#service}). */
    public Optional<Service<?>> service() {
        return Optional.ofNullable(service);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * A service built over a store: the runtime's store type it is built over ({@code dev.oversell.store.Store}),
     * and how one instance is made over one.
     */
    public record Service<S>(Class<S> store, StoreInventoryFactory<S> factory) {

        public Service {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(factory, "factory");
        }

        /** One instance over {@code store}, which must be of the type declared. */
        public Inventory attach(Object store) {
            return factory.attach(this.store.cast(store));
        }
    }

    /** Builds a {@link DatabaseDesign}; {@link #build()} names whatever is missing. */
    public static final class Builder {
        private final String name;
        private Class<?> type;
        private PurchaseScript script;
        private Service<?> service;
        private JdbcSchema schema;
        private DataSourceInventoryFactory overDataSource;
        private final Map<Engine, Map<Deployment, Claim>> claims = new EnumMap<>(Engine.class);
        private String mechanism;
        private boolean deduplicatesRequestIds = true;
        private boolean restocks = true;

        private Builder(String name) {
            this.name = name;
        }

        /** The purchase is {@code script}'s statements, run in a transaction (the runtime's TransactionalInventory). */
        public Builder script(PurchaseScript script) {
            requireNoShapeYet();
            this.script = Objects.requireNonNull(script, "script");
            this.type = script.getClass();
            return this;
        }

        /**
         * The design is code over a {@link DataSource} ({@link DataSourceInventoryFactory}: a Spring service, a JPA
         * repository, a DAO) that keeps its stock in {@code schema}, tables of its own.
         */
        public <T extends Inventory> Builder overDataSource(Class<T> type, JdbcSchema schema,
                                                            DataSourceInventoryFactory factory) {
            requireNoShapeYet();
            this.type = Objects.requireNonNull(type, "type");
            this.schema = Objects.requireNonNull(schema, "schema");
            this.overDataSource = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * The design is one purchase method over a {@link DataSource} ({@link JdbcPurchase}) and its tables: it has
         * no restock ({@link #doesNotRestock()} goes with it), so no check sends it one.
         */
        public Builder jdbc(JdbcSchema schema, JdbcPurchase purchase) {
            Objects.requireNonNull(purchase, "purchase");
            JdbcSchema tables = Objects.requireNonNull(schema, "schema");
            overDataSource(Inventory.class, tables, dataSource -> purchase.over(dataSource, tables));
            this.type = purchase.getClass();
            return doesNotRestock();
        }

        /**
         * The design is a service built over a store of Oversell's tables, of the runtime's type {@code store}
         * ({@code dev.oversell.store.Store}): one instance per app server; several may share the store. Closing an
         * instance must leave the store alone.
         */
        public <T extends Inventory, S> Builder service(Class<T> type, Class<S> store, StoreInventoryFactory<S> attach) {
            requireNoShapeYet();
            this.type = Objects.requireNonNull(type, "type");
            this.service = new Service<>(store, attach);
            return this;
        }

        private void requireNoShapeYet() {
            if (script != null || overDataSource != null || service != null) {
                throw new IllegalStateException(name + ": a database design has one shape: code over a data source,"
                        + " a script, or a service");
            }
        }

        /** The same claims on every engine: for one app instance, and for several sharing the database. */
        public Builder claimsOnEveryEngine(Claim oneInstance, Claim sharedStore) {
            for (Engine engine : Engine.values()) {
                claimsOn(engine, oneInstance, sharedStore);
            }
            return this;
        }

        /** The claims on one engine: for one app instance, and for several sharing the database. */
        public Builder claimsOn(Engine engine, Claim oneInstance, Claim sharedStore) {
            for (Claim claim : new Claim[] {oneInstance, sharedStore}) {
                if (Objects.requireNonNull(claim, "claim") == Claim.NOT_APPLICABLE) {
                    throw new IllegalArgumentException(name + " on " + engine + ": a database design must claim"
                            + " NEVER_OVERSELLS or MAY_OVERSELL in both deployments");
                }
            }
            claims.put(engine, Map.of(Deployment.SINGLE_INSTANCE, oneInstance, Deployment.SHARED_STORE, sharedStore));
            return this;
        }

        /**
         * The design does not de-duplicate request ids: a resubmitted request buys again. The checks that
         * resubmit a request are not run on it (and the report says so); every other check is.
         */
        public Builder doesNotDeduplicateRequestIds() {
            this.deduplicatesRequestIds = false;
            return this;
        }

        /**
         * The design has no restock (its {@code restock} may throw {@link UnsupportedOperationException}): no check
         * sends it one ({@link DatabaseDesign#restocks()}). Purchases are checked as for any design.
         */
        public Builder doesNotRestock() {
            this.restocks = false;
            return this;
        }

        public Builder mechanism(String mechanism) {
            this.mechanism = mechanism;
            return this;
        }

        public DatabaseDesign build() {
            StringBuilder missing = new StringBuilder();
            if (script == null && overDataSource == null && service == null) missing.append(" overDataSource(...)/jdbc(...)/script(...)/service(...)");
            for (Engine engine : Engine.values()) {
                if (!claims.containsKey(engine)) missing.append(" a claim on ").append(engine);
            }
            if (mechanism == null) missing.append(" mechanism(...)");
            if (!missing.isEmpty()) {
                throw new IllegalStateException("database design " + name + " is missing:" + missing);
            }
            return new DatabaseDesign(name, type, script, service, schema, overDataSource, Map.copyOf(new EnumMap<>(claims)), mechanism,
                    deduplicatesRequestIds, restocks);
        }
    }
}
