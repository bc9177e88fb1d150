"""The policy knowledge base: measures of the five documents, their scope rules, the join and search."""
