/**
 * What `skillscan taxonomy init` writes: a commented layer over the built-in taxonomy with one example
 * of each thing an author needs (a new skill with an alias and an implies, and an ambiguous alias
 * with its examples). A test keeps it valid.
 */
export const STARTER_TAXONOMY = `# A skillscan taxonomy layer, merged over the built-in taxonomy:
#   skillscan scan -t FILE job.txt          (or list it under "taxonomy:" in skillscan.config.yaml)
#   skillscan taxonomy validate FILE        checks it, including the examples below
#   skillscan taxonomy show acmeq -t FILE   shows how a skill is matched
# Field reference: taxonomy/README.md in the skillscan package.
name: my-skills          # reports show the merged taxonomy as "backend+my-skills"
version: 0.1.0

# Categories are optional: the built-in ones are there (languages, frameworks, databases, servers,
# cloud, devops, messaging, data, apis, security, testing, tools, frontend, practices; see
# "skillscan taxonomy list"). A new id adds a category; an existing id replaces its label, weight, target.
# categories:
#   - { id: internal, label: Internal platforms, weight: 1, target: 1 }

skills:
  # A skill: a stable lowercase id, the display name, a category. A skill whose id is already in
  # the built-in taxonomy replaces it.
  - id: acme-queue
    name: AcmeQueue
    category: messaging
    aliases: [AcmeQ, Acme MQ]   # other spellings; matched case-insensitively, as whole words
    implies: [kafka]            # AcmeQueue runs on Kafka: Kafka is reported as implied, not named

  # A name that is also an ordinary word needs rules, under "ambiguous", and example sentences.
  - id: beacon-db
    name: BeaconDB
    category: databases
    aliases: [Beacon DB]
    ambiguous:
      - alias: Beacon
        case: exact             # only "Beacon", never "beacon"
        needs: context          # and only next to another skill or a cue ("experience with Beacon")
        unless: [beacon of]     # never in "a Beacon of good practice"
    examples:                   # required with "ambiguous"; "taxonomy validate" checks every sentence
      match: ["Our events live in Beacon and PostgreSQL.", "Experience with Beacon is a plus."]
      nomatch: ["Be a Beacon of good engineering.", "The beacon light on the roof."]
`;
