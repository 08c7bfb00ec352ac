package dev.healdesk.core.sandbox;

import java.util.List;
import java.util.Optional;

/** The sandbox's demo data: a few customers, the same at every start. */
final class SandboxCustomers {

    record Customer(int id, String name, String email, String status, String createdAt) {
    }

    private static final List<Customer> ALL = List.of(
            new Customer(1, "Ada Lovelace", "ada.lovelace@example.com", "active", "2024-01-15T09:12:00Z"),
            new Customer(2, "Grace Hopper", "grace.hopper@example.com", "active", "2024-02-03T14:45:10Z"),
            new Customer(3, "Alan Turing", "alan.turing@example.com", "suspended", "2024-02-21T08:05:33Z"),
            new Customer(4, "Katherine Johnson", "katherine.johnson@example.com", "active", "2024-03-11T16:20:00Z"),
            new Customer(5, "Edsger Dijkstra", "edsger.dijkstra@example.com", "inactive", "2024-04-02T11:00:47Z"),
            new Customer(6, "Barbara Liskov", "barbara.liskov@example.com", "active", "2024-05-19T10:30:05Z"),
            new Customer(7, "Donald Knuth", "donald.knuth@example.com", "active", "2024-06-07T13:14:15Z"),
            new Customer(8, "Margaret Hamilton", "margaret.hamilton@example.com", "active", "2024-07-24T07:55:21Z"));

    private SandboxCustomers() {
    }

    static List<Customer> all() {
        return ALL;
    }

    static Optional<Customer> byId(int id) {
        return ALL.stream().filter(c -> c.id() == id).findFirst();
    }
}
