package dev.oversell.redis.queue;

import dev.oversell.catalogue.redis.queue.QueueDesigns;
import dev.oversell.engine.Engine;
import dev.oversell.properties.database.Engines;
import dev.oversell.redis.RedisServer;
import dev.oversell.store.Database;

/** What the queue checks' own tests run on: the run's Redis and RabbitMQ, and H2; and the catalogue's queue designs. */
final class QueueCheckServers {

    private QueueCheckServers() {
    }

    /** H2, once Redis and RabbitMQ answer (each a loud skip, or a failure under CI=true, when it does not). */
    static Database h2() {
        RedisServer.openOrSkip();
        RabbitBroker.openOrSkip();
        return Engines.openOrSkip(Engine.H2);
    }

    /** The catalogue's queue design named {@code name}. */
    static QueueDesign design(String name) {
        return QueueDesigns.all().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }
}
