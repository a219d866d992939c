from maltrace.cli import main

main()
