"""Ways a plan leaves and enters the application: a lossless JSON document described by a
versioned JSON Schema, and a Word rendering of the strategy and the action plan."""
