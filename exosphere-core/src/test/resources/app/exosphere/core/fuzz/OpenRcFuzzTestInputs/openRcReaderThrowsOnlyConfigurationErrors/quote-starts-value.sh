export OS_AUTH_URL='https://k.example/v3'
export OS_PASSWORD="'secret"
OS_USERNAME=bob
