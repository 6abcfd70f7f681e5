package com.example.bootshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The shop: a purchase service over a Spring Data JPA repository, its schema a Flyway migration, and a reservation
 * desk that runs checkouts on a pool of its own.
 */
@SpringBootApplication
public class BootShopApplication {

    /** The reservation desk's bulkhead: two threads, the caller's context carried to them. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskExecutor reservationExecutor() {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(2);
        pool.setMaxPoolSize(2);
        pool.setThreadNamePrefix("reservations-");
        pool.setTaskDecorator(new ContextPropagatingTaskDecorator());
        pool.initialize();
        return pool;
    }

    public static void main(String[] args) {
        SpringApplication.run(BootShopApplication.class, args);
    }
}
