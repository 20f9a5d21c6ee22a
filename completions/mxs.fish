complete --keep-order --exclusive --command mxs --arguments "(COMPLETE=fish mxs -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
