package dev.oversell.spring;

import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code EntityManagerFactory} a JPA design declares as a bean of its {@link SpringContextInventory}: Hibernate
 * over exactly the design's {@link DataSource} (no pool of Hibernate's own, so every statement goes through the
 * connections a checker hands out), managing only the entities named, and leaving the schema to the design's
 * migration ({@code hibernate.hbm2ddl.auto=none}: the checker creates the tables, see {@link Migrations}).
 */
public final class JpaBeans {

    private JpaBeans() {
    }

    /**
     * The factory bean over {@code dataSource} managing {@code entity} and {@code more}; its persistence unit is
     * named after {@code entity}.
     */
    public static LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource, Class<?> entity,
                                                                              Class<?>... more) {
        List<String> managed = new ArrayList<>(List.of(entity.getName()));
        Stream.of(more).map(Class::getName).forEach(managed::add);
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setManagedTypes(PersistenceManagedTypes.of(managed, List.of()));
        factory.setPersistenceUnitName(entity.getSimpleName());
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "none"));
        return factory;
    }
}
