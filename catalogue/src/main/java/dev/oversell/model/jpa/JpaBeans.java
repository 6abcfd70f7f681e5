package dev.oversell.model.jpa;

import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The JPA beans every design here declares the same way: an {@code EntityManagerFactory} of Hibernate over the
 * design's {@link DataSource} (no pool of Hibernate's own), managing only the design's entity, and leaving the
 * schema to the design's Flyway migration.
 */
final class JpaBeans {

    private JpaBeans() {
    }

    static LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource, Class<?> entity) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setManagedTypes(PersistenceManagedTypes.of(entity.getName()));
        factory.setPersistenceUnitName(entity.getSimpleName());
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "none"));
        return factory;
    }
}
