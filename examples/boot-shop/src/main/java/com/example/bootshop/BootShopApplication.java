package com.example.bootshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The shop: a purchase service over a Spring Data JPA repository, its schema a Flyway migration. */
@SpringBootApplication
public class BootShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(BootShopApplication.class, args);
    }
}
