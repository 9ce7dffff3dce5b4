package io.tenmail.storage.jpa;

import jakarta.persistence.*;

@Entity
@Table(name = "SPIKE")
public class SpikeEntity {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private long id;
    private String name;
    public long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
