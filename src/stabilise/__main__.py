from stabilise.cli import main

main()
