export OS_AUTH_TYPE=v3token
export OS_AUTH_URL=https://k.example/v3
export OS_TOKEN=gAAAAAB
export OS_PROJECT_NAME=p
